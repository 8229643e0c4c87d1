package io.kafkaconnect.cinnox.webhook;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) server that CINNOX posts enquiry events to, hosted by one task. Events go into the
 * {@link EventBuffer} the task's poll() drains; each request is answered by {@link EventHandler}.
 */
public final class EnquiryEventReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnquiryEventReceiver.class);
    private static final int HANDLER_THREADS = 16;

    private final WebhookSettings settings;
    private final EventBuffer buffer;
    private final ReceiverStats stats = new ReceiverStats();
    private final HttpServer server;
    private final ExecutorService executor;

    private EnquiryEventReceiver(WebhookSettings settings, Clock clock) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.buffer = new EventBuffer(settings.bufferMaxEvents());
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        // Small answers would otherwise wait for the sender's delayed ACK; the JDK reads this once per JVM,
        // when its first HttpServer starts (Connect's own REST server is Jetty, so usually this one).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = settings.tls() ? https(address) : HttpServer.create(address, 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
            Thread thread = new Thread(r, "cinnox-webhook-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new EventHandler(settings, buffer, stats, clock));
    }

    /**
     * Binds and starts serving.
     *
     * @throws ConnectException when the port is taken or the keystore cannot be read; the task fails and
     *                          Connect shows the reason
     */
    public static EnquiryEventReceiver start(WebhookSettings settings, Clock clock) {
        try {
            EnquiryEventReceiver receiver = new EnquiryEventReceiver(settings, clock);
            receiver.server.start();
            log.info("Enquiry event receiver listening on {}://{}:{}{}/<secret>", settings.tls() ? "https" : "http",
                    settings.bindAddress(), receiver.port(), settings.path());
            return receiver;
        } catch (IOException e) {
            throw new ConnectException("The enquiry event receiver cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + " (is the port taken on this worker?): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConnectException("The enquiry event receiver cannot use the keystore " + settings.keystore()
                    + ": " + e.getMessage(), e);
        }
    }

    private HttpsServer https(InetSocketAddress address) throws IOException, GeneralSecurityException {
        char[] password = settings.keystorePassword() == null ? new char[0]
                : settings.keystorePassword().value().toCharArray();
        KeyStore store = KeyStore.getInstance(settings.keystoreType());
        try (InputStream in = Files.newInputStream(settings.keystore())) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EventBuffer buffer() {
        return buffer;
    }

    public ReceiverStats stats() {
        return stats;
    }

    /** Stops listening at once; senders of events not yet in Kafka get a 503. Idempotent. */
    @Override
    public void close() {
        buffer.close();
        server.stop(0);
        executor.shutdownNow();
        log.info("Enquiry event receiver stopped: {}", stats);
    }
}
