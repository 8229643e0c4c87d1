package io.kafkaconnect.cinnox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.client.AppToken;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.ClientSettings;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RetriableApiException;
import io.kafkaconnect.cinnox.client.TimeWindow;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both sides, with a self-signed certificate made by the JDK's keytool: the event receiver serves
 * HTTPS from its configured keystore, and the CINNOX client refuses a certificate it does not trust.
 */
class TlsTest {

    private static final String PASSWORD = "changeit-tls-test";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static Path keystore;
    private EnquiryEventReceiver receiver;

    @BeforeAll
    static void makeKeystore() throws Exception {
        keystore = dir.resolve("receiver.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "receiver",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), "keytool: " + output);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private void startTlsReceiver() throws Exception {
        WebhookSettings plain = EnquiryEventReceiverTest.settings(EnquiryEventReceiverTest.freePort(), 10,
                Duration.ofSeconds(2));
        WebhookSettings tls = new WebhookSettings(plain.enabled(), plain.deregister(), plain.bindAddress(),
                plain.port(), plain.path(), plain.publicUrl(), plain.secret(), plain.topic(), plain.bufferMaxEvents(),
                plain.ackTimeout(), plain.maxBodyBytes(), plain.registerInterval(), keystore, new Password(PASSWORD),
                "PKCS12");
        receiver = EnquiryEventReceiver.start(tls, CLOCK);
    }

    @Test
    void theReceiverServesHttpsFromItsKeystore() throws Exception {
        startTlsReceiver();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();

        URI hook = URI.create("https://127.0.0.1:" + receiver.port() + "/cinnox/enquiry-events/"
                + EnquiryEventReceiverTest.SECRET);
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(hook)
                .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\":\"tls-42\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode());
        assertEquals("tls-42", new ObjectMapper().readTree(answer.body()).path("result").path("challenge").asText());
    }

    @Test
    void theClientRefusesACertificateItDoesNotTrust() throws Exception {
        startTlsReceiver();
        CinnoxClient client = new CinnoxClient(ClientSettings.builder()
                .baseUrl("https://127.0.0.1:" + receiver.port()).appId("app").appToken(new AppToken("t0ken"))
                .clock(CLOCK).build());
        Instant now = CLOCK.instant();
        CinnoxApiException e = assertThrows(CinnoxApiException.class,
                () -> client.enquiryDetails(TimeWindow.of(now.minusSeconds(60), now), PageRequest.first(1)));
        assertTrue(e instanceof RetriableApiException, e.toString());
        assertTrue(e.getMessage().contains("SSL"), e.getMessage());
        assertEquals(0, receiver.stats().unauthorizedCount() + receiver.stats().badMethodCount(),
                "no request got through the handshake");
    }
}
