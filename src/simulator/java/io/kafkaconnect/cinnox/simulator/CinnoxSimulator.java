package io.kafkaconnect.cinnox.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local CINNOX Open API (reports) server on 127.0.0.1 for tests and demos, with deterministic synthetic data,
 * switchable undocumented behaviour, fault injection, a request log and the ground truth of what it serves.
 */
public final class CinnoxSimulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final SimClock clock;
    private final Apps apps = new Apps();
    private final Behaviour behaviour = new Behaviour();
    private final Traps traps = new Traps();
    private final Faults faults;
    private final RequestLog requests = new RequestLog();
    private final RateLimiter limiter;
    private final Subscriptions subscriptions = new Subscriptions();
    private final GroundTruth truth;
    private final Webhooks webhooks;
    private final HttpServer server;
    private final ExecutorService executor;

    private CinnoxSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.clock = settings.fixedClock() == null ? SimClock.live() : SimClock.fixed(settings.fixedClock());
        this.faults = new Faults(clock, settings.seed());
        faults.rates(settings.faults());
        this.limiter = new RateLimiter(settings.rateLimitPerMinute());
        long startDay = Math.floorDiv(clock.now().getEpochSecond(), 86_400);
        DataStore store = new DataStore(settings.seed(), settings.volume(), startDay - settings.historyDays(),
                settings.data());
        ReportService service = new ReportService(store, behaviour, traps);
        this.truth = new GroundTruth(store, service, clock, subscriptions, settings.account().serviceAccountId());
        apps.add(settings.account());
        this.webhooks = new Webhooks(store, apps, subscriptions, clock);
        // Without TCP_NODELAY small responses wait for the client's delayed ACK (about 40 ms each). The JDK
        // reads this once, when the JVM's first HttpServer starts: test JVMs also set it on the command line.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 128);
        this.executor = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new SimulatorHandler(clock, apps, behaviour, traps, faults, requests, limiter,
                service, subscriptions));
        if (settings.admin()) {
            server.createContext(AdminHandler.PREFIX, new AdminHandler(faults, behaviour, traps, requests, apps,
                    settings.account()));
        }
    }

    /** Binds 127.0.0.1 on the configured port (0 = ephemeral) and starts serving. */
    public static CinnoxSimulator start(SimulatorSettings settings) {
        try {
            CinnoxSimulator sim = new CinnoxSimulator(settings);
            sim.server.start();
            if (sim.clock.isLive()) {
                sim.webhooks.startBackground(Duration.ofMillis(200));
            }
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CINNOX simulator", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cinnox-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** {@code http://127.0.0.1:<port>/_sim/} when started with admin routes, else empty. */
    public java.util.Optional<String> adminUrl() {
        return settings.admin() ? java.util.Optional.of(baseUrl() + AdminHandler.PREFIX) : java.util.Optional.empty();
    }

    /** {@code http://127.0.0.1:<port>}; API paths are this plus {@code /v1/api/apps/{appID}/...}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimAccount defaultAccount() {
        return settings.account();
    }

    /** Registers another App; apps of the same service account share its data and rate budget. */
    public SimAccount addApp(String serviceAccountId, String appId, String token) {
        SimAccount app = new SimAccount(serviceAccountId, appId, token);
        apps.add(app);
        return app;
    }

    public SimClock clock() {
        return clock;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** Answers that trip a careless client up: late inserts, turning ties, a capped limit, and more; all off by default. */
    public Traps traps() {
        return traps;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /** The enquiry event deliveries to subscribed URLs; with a fixed clock, call {@code deliverDue()} after moving it. */
    public Webhooks webhooks() {
        return webhooks;
    }

    public GroundTruth truth() {
        return truth;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Changes the per-account request budget per minute at runtime. */
    public void rateLimitPerMinute(int limit) {
        limiter.limit(limit);
    }

    /** Forgets the request counts of the current rate-limit windows. */
    public void resetRateLimit() {
        limiter.reset();
    }

    @Override
    public void close() {
        webhooks.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
