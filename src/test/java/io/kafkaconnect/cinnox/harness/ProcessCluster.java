package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A Kafka broker, Connect workers and the CINNOX simulator as separate JVMs on 127.0.0.1, started, stopped
 * and killed by PID. Every process it started is stopped on {@link #close()} and, should the harness exit
 * another way, by a shutdown hook; each PID is also written under pids/ for bin/ scripts to clean up after a
 * harness that was itself killed.
 */
final class ProcessCluster implements AutoCloseable {

    private static final List<String> KAFKA_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");

    private final ClusterLayout layout;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Map<String, ManagedProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::close, "harness-cleanup");
    private boolean closed;

    ProcessCluster(ClusterLayout layout) {
        this.layout = layout;
        try {
            for (Path p : List.of(layout.config(), layout.data(), layout.logs(), layout.pids())) {
                deleteTree(p);
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaConfigs.writeAll(layout);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Every run starts from empty folders: old logs would look ready, old data would hold old offsets. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    ClusterLayout layout() {
        return layout;
    }

    /** Formats the KRaft storage once, then starts the broker and waits for "Kafka Server started". */
    ManagedProcess startBroker() {
        if (!Files.exists(layout.data().resolve("kraft").resolve("meta.properties"))) {
            formatStorage();
        }
        ManagedProcess broker = launch("broker", kafkaCommand(List.of(), "kafka.Kafka",
                KafkaConfigs.serverProperties(layout).toString()));
        await(broker, Duration.ofSeconds(120), () -> broker.logContains("Kafka Server started"));
        return broker;
    }

    private void formatStorage() {
        String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        List<String> cmd = kafkaCommand(List.of(), "kafka.tools.StorageTool", "format", "--standalone", "-t",
                clusterId, "-c", KafkaConfigs.serverProperties(layout).toString());
        ManagedProcess format = launch("format", cmd);
        await(format, Duration.ofSeconds(120), () -> !format.alive());
        synchronized (this) {
            running.remove("format");
        }
        if (!format.logContains("Formatting")) {
            throw new IllegalStateException("formatting the KRaft storage failed, see " + format.log());
        }
    }

    /** Starts worker {@code n} (from 1) and waits until its REST API answers GET /health with 200. */
    ManagedProcess startWorker(int n) {
        return startWorkers(List.of(n)).get(0);
    }

    /** Starts workers together, so that their JVM start-ups overlap, then waits until each answers GET /health. */
    List<ManagedProcess> startWorkers(List<Integer> numbers) {
        List<ManagedProcess> workers = new ArrayList<>();
        for (int n : numbers) {
            List<String> cmd = kafkaCommand(KafkaConfigs.workerJvmFlags(layout, n), "org.apache.kafka.connect.cli.ConnectDistributed",
                    KafkaConfigs.workerProperties(layout, n).toString());
            workers.add(launch("worker-" + n, cmd));
        }
        for (int i = 0; i < workers.size(); i++) {
            await(workers.get(i), Duration.ofSeconds(180), new ConnectRest(layout.restUrl(numbers.get(i)))::healthy);
        }
        return workers;
    }

    /** Starts the simulator jar with {@code args} and a heap of {@code heap} (e.g. "512m"), waits until it listens. */
    ManagedProcess startSimulator(String heap, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, marker(), "-Xmx" + heap, "-XX:+UseSerialGC", "-jar",
                layout.simulatorJar().toString(), "--port", Integer.toString(layout.simulatorPort())));
        cmd.addAll(args);
        ManagedProcess sim = launch("simulator", cmd);
        await(sim, Duration.ofSeconds(60), () -> sim.logContains("CINNOX simulator listening"));
        return sim;
    }

    synchronized ManagedProcess process(String name) {
        return running.get(name);
    }

    synchronized ManagedProcess worker(int n) {
        return running.get("worker-" + n);
    }

    /** Workers whose process is alive, by number. */
    synchronized List<Integer> aliveWorkers() {
        List<Integer> alive = new ArrayList<>();
        for (int n = 1; n <= layout.workers(); n++) {
            ManagedProcess w = running.get("worker-" + n);
            if (w != null && w.alive()) {
                alive.add(n);
            }
        }
        return alive;
    }

    /** A REST client on the first worker that is alive. */
    ConnectRest rest() {
        List<Integer> alive = aliveWorkers();
        if (alive.isEmpty()) {
            throw new IllegalStateException("no Connect worker is alive");
        }
        return new ConnectRest(layout.restUrl(alive.get(0)));
    }

    /** SIGKILL to a process, as {@code kill -9} sends. */
    void kill9(String name) {
        ManagedProcess p;
        synchronized (this) {
            p = running.remove(name);
        }
        if (p != null) {
            p.kill9();
            deletePid(name);
        }
    }

    /** SIGTERM, SIGKILL after {@code grace}. */
    void stop(String name, Duration grace) {
        ManagedProcess p;
        synchronized (this) {
            p = running.remove(name);
        }
        if (p != null) {
            p.stop(grace);
            deletePid(name);
        }
    }

    /** Every log file of the run (each start of a process writes a new one). */
    List<Path> logFiles() {
        try (var files = Files.list(layout.logs())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of {@code log} hold {@code text}. */
    long countInLog(Path log, String text) {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> kafkaCommand(List<String> jvmFlags, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java, marker()));
        cmd.addAll(KAFKA_JVM);
        cmd.addAll(jvmFlags);
        cmd.add("-Dlog4j2.configurationFile=" + KafkaConfigs.log4j(layout));
        cmd.add("-Dkafka.logs.dir=" + layout.logs());
        cmd.addAll(List.of("-cp", layout.kafkaLibs() + "/*", mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** On every JVM the harness starts: lets bin/ scripts find leftovers of this run by command line. */
    private String marker() {
        return "-Dcinnox.harness.state=" + layout.dir();
    }

    /** Starts a process; synchronized with {@link #close()}, so that nothing starts after the clean-up. */
    private synchronized ManagedProcess launch(String name, List<String> cmd) {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        int start = starts.merge(name, 1, Integer::sum);
        Path log = layout.logs().resolve(start == 1 ? name + ".log" : name + "." + start + ".log");
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            ManagedProcess p = new ManagedProcess(name, process, log);
            running.put(name, p);
            Files.writeString(layout.pids().resolve(name + ".pid"), Long.toString(p.pid()));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void deletePid(String name) {
        try {
            Files.deleteIfExists(layout.pids().resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(ManagedProcess p, Duration timeout, BooleanSupplier ready) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!p.alive() && !ready.getAsBoolean()) {
                throw new IllegalStateException(p + " exited before it was ready, see " + p.log());
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(p + " not ready after " + timeout.toSeconds() + " s, see " + p.log());
            }
            Pause.millis(250);
        }
    }

    /** Stops workers, then the simulator, then the broker; idempotent, also run by the shutdown hook. */
    @Override
    public void close() {
        List<ManagedProcess> order;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            order = new ArrayList<>(running.values());
            running.clear();
        }
        order.sort((a, b) -> Integer.compare(rank(a.name()), rank(b.name())));
        for (ManagedProcess p : order) {
            p.stop(p.name().startsWith("worker") ? Duration.ofSeconds(20) : Duration.ofSeconds(15));
            deletePid(p.name());
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs or ran already
            }
        }
    }

    private static int rank(String name) {
        return name.startsWith("worker") ? 0 : name.startsWith("simulator") ? 1 : 2;
    }
}
