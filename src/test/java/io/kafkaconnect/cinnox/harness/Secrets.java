package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the run's App Token and webhook secret where nobody should find them: the broker's and the
 * workers' logs (the simulator's own log is CINNOX's side and left out) and the worker REST answers about the
 * connector (config, status with exception traces, tasks, the expanded connector list), and every MBean name and
 * attribute value the live workers expose through JMX (the metrics a monitoring agent scrapes).
 */
final class Secrets {

    static final List<String> REST_PATHS = List.of("/connectors/" + ConnectorSettings.NAME,
            "/connectors/" + ConnectorSettings.NAME + "/config", "/connectors/" + ConnectorSettings.NAME + "/status",
            "/connectors/" + ConnectorSettings.NAME + "/tasks",
            "/connectors/" + ConnectorSettings.NAME + "/tasks/0/status",
            "/connectors?expand=status&expand=info", "/connectors/" + ConnectorSettings.NAME + "/offsets");

    private Secrets() {
    }

    /**
     * Searches the run and records the figures. A secret in a log is always a leak; in a REST answer it is one
     * when the configuration named it through the config provider (with the secret written in the
     * configuration itself, Connect's config answers show what was PUT, as documented).
     */
    static void check(RunContext run, ScenarioResult result) {
        List<Path> logs = run.cluster().logFiles().stream()
                .filter(p -> !p.getFileName().toString().startsWith("simulator")).toList();
        List<String> inLogs = new ArrayList<>();
        for (Path log : logs) {
            inLogs.addAll(search(log.getFileName().toString(), read(log), run.connector()));
        }
        List<String> inRest = scanRest(run);
        result.figure("secrets in " + logs.size() + " worker/broker logs", inLogs.isEmpty() ? "none" : inLogs);
        result.figure("secrets in " + REST_PATHS.size() + " REST answers" + (run.connector().secretsInFile()
                ? " (secrets named through the file config provider)" : " (secrets written in the config)"),
                inRest.isEmpty() ? "none" : inRest);
        result.require(inLogs.isEmpty(), "secrets in logs: " + inLogs);
        scanJmx(run, result);
        result.require(inRest.isEmpty() || !run.connector().secretsInFile(), "secrets in REST answers: " + inRest);
    }

    /**
     * Reads every MBean of each live worker through its JMX port (names and attribute values, written masked to
     * jmx-worker-N.txt in the run folder) and searches them; the connector's own metrics must be among them.
     */
    static void scanJmx(RunContext run, ScenarioResult result) {
        List<String> found = new ArrayList<>();
        List<String> read = new ArrayList<>();
        int pluginMBeans = 0;
        for (int n : run.cluster().aliveWorkers()) {
            try {
                JmxDump dump = JmxDump.read(run.layout().jmxPort(n), 120);
                found.addAll(search("JMX of worker-" + n, dump.text(), run.connector()));
                pluginMBeans += dump.pluginMBeans();
                read.add(String.format("worker-%d: %d MBeans, %d values (%d unreadable), %d of the connector", n,
                        dump.mbeans(), dump.values(), dump.unreadable(), dump.pluginMBeans()));
                Files.writeString(run.layout().dir().resolve("jmx-worker-" + n + ".txt"),
                        mask(dump.text(), run.connector()));
            } catch (IOException | RuntimeException e) {
                result.problem("reading the JMX of worker-" + n + " failed: " + e.getMessage());
            }
        }
        result.figure("JMX read", read);
        result.figure("secrets in the workers' JMX metrics", found.isEmpty() ? "none" : found);
        result.require(found.isEmpty(), "secrets in JMX: " + found);
        if (run.reader() != null) {
            result.require(pluginMBeans > 0, "no MBean of the connector's own metrics was found in JMX");
        }
    }

    /** Where a secret was found in the REST answers: "GET /connectors/x/config: webhook secret". */
    static List<String> scanRest(RunContext run) {
        List<String> found = new ArrayList<>();
        List<Integer> alive = run.cluster().aliveWorkers();
        if (!alive.isEmpty()) {
            ConnectRest rest = new ConnectRest(run.layout().restUrl(alive.get(0)));
            for (String path : REST_PATHS) {
                found.addAll(search("GET " + path, rest.get(path).body(), run.connector()));
            }
        }
        return found;
    }

    private static List<String> search(String where, String text, ConnectorSettings c) {
        List<String> found = new ArrayList<>();
        if (text.contains(c.token())) {
            found.add(where + ": App Token");
        }
        if (text.contains(c.webhookSecret())) {
            found.add(where + ": webhook secret");
        }
        return found;
    }

    static String mask(String text, ConnectorSettings c) {
        return text.replace(c.token(), "<App Token>").replace(c.webhookSecret(), "<webhook secret>");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
