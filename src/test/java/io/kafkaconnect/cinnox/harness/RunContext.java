package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One scenario's world: its process cluster, the simulator started with the run's random App Token, the
 * connector deployed through the REST API, the expected records and a topic reader that follows progress.
 */
final class RunContext implements AutoCloseable {

    private final ProcessCluster cluster;
    private final SimulatorSpec spec;
    private final ConnectorSettings connector;
    private final boolean readCommitted;
    private Expected expected;
    private TopicReader reader;
    private long lastProgress;
    private long lastStatus;
    private long mostFailed;
    private String simulatorHeap = "512m";

    RunContext(ClusterLayout layout, SimulatorSpec spec, ConnectorSettings connector, boolean readCommitted) {
        this.cluster = new ProcessCluster(layout);
        this.spec = spec.with("--token", connector.token());
        this.connector = connector;
        this.readCommitted = readCommitted;
    }

    ProcessCluster cluster() {
        return cluster;
    }

    ClusterLayout layout() {
        return cluster.layout();
    }

    ConnectorSettings connector() {
        return connector;
    }

    SimulatorSpec spec() {
        return spec;
    }

    Expected expected() {
        return expected;
    }

    TopicReader reader() {
        return reader;
    }

    /** The simulator's -Xmx (big benchmark runs generate much data). */
    RunContext simulatorHeap(String heap) {
        simulatorHeap = heap;
        return this;
    }

    /** Broker, workers, simulator; logs how long each took. */
    void start() {
        long t0 = System.nanoTime();
        cluster.startBroker();
        log("broker ready after %.1f s", seconds(t0));
        cluster.startWorkers(java.util.stream.IntStream.rangeClosed(1, layout().workers()).boxed().toList());
        log("%d worker(s) ready after %.1f s", layout().workers(), seconds(t0));
        cluster.startSimulator(simulatorHeap, spec.cliArgs());
        log("simulator ready after %.1f s", seconds(t0));
    }

    /** The records the connector must deliver for {@code [from, to)}, as the simulator holds them at {@code at}. */
    void expect(Instant at, Instant from, Instant to) {
        expected = Expected.compute(spec, at, from, to);
        log("expected %d records of [%s, %s): %s", expected.total(), from, to, expected.counts());
    }

    /**
     * Deploys the connector, waits until it and every task run, then starts reading its topics (keeping every
     * key when {@link #expect} was called, counting records per report otherwise).
     */
    Duration deploy() {
        Instant t0 = Instant.now();
        ConnectRest.Answer a = cluster.rest().putConfig(ConnectorSettings.NAME, connector.toMap());
        if (a.status() != 200 && a.status() != 201) {
            throw new IllegalStateException("the worker refused the connector (HTTP " + a.status() + "): "
                    + Secrets.mask(a.body(), connector));
        }
        if (!awaitAllRunning(Duration.ofSeconds(120))) {
            throw new IllegalStateException("the connector's tasks are not RUNNING: " + status());
        }
        reader = new TopicReader(layout().bootstrap(), ConnectorSettings.PREFIX, readCommitted, expected != null);
        return Duration.between(t0, Instant.now());
    }

    ConnectRest.Status status() {
        for (int n : cluster.aliveWorkers()) {
            ConnectRest.Status s = new ConnectRest(layout().restUrl(n)).statusOrEmpty(ConnectorSettings.NAME);
            if (s.connectorState() != null) {
                return s;
            }
        }
        return new ConnectRest.Status(null, List.of());
    }

    boolean awaitAllRunning(Duration timeout) {
        return await(timeout, () -> status().allRunning(connector.tasks()));
    }

    /** The most tasks seen FAILED at once while waiting for records. */
    long mostFailed() {
        return mostFailed;
    }

    int delivered() {
        return expected.deliveredIn(reader);
    }

    boolean complete() {
        return delivered() >= expected.total();
    }

    /**
     * Waits until at least {@code target} expected records were read, printing progress every 15 s; gives up
     * after {@code timeout}, or when nothing new arrived for 3 minutes.
     */
    boolean awaitDelivered(int target, Duration timeout) {
        long[] last = {-1, System.nanoTime()};
        return await(timeout, () -> {
            progress();
            int now = delivered();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            } else if (System.nanoTime() - last[1] > Duration.ofMinutes(3).toNanos()) {
                log("no new expected record for 3 minutes: giving up at %d/%d", now, expected.total());
                return true;
            }
            return now >= target;
        }) && delivered() >= target;
    }

    /** Checks the task states every 2 s (remembering the most FAILED tasks seen) and prints progress every 15 s. */
    void progress() {
        long now = System.currentTimeMillis();
        if (now - lastStatus >= 2_000) {
            lastStatus = now;
            mostFailed = Math.max(mostFailed, status().count("FAILED"));
        }
        if (now - lastProgress >= 15_000) {
            lastProgress = now;
            ConnectRest.Status s = status();
            log("delivered %d/%d expected (%d records read); connector %s, tasks %s", delivered(),
                    expected.total(), reader.records(), s.connectorState(),
                    s.tasks().stream().map(t -> t.id() + ":" + t.state() + "@" + t.workerId()).toList());
        }
    }

    /** Reads on for {@code quiet} (late duplicates show up), then compares with the ground truth. */
    DeliveryCheck.Result check(Duration quiet) {
        Pause.millis(quiet.toMillis());
        return DeliveryCheck.compare(expected, reader.snapshot());
    }

    static boolean await(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Pause.millis(500);
        }
        return true;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf("[harness %tT] %s%n", Instant.now().atZone(java.time.ZoneOffset.UTC),
                String.format(format, args));
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        cluster.close();
    }
}
