package io.kafkaconnect.cinnox.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options shared by the reliability suite and the benchmark: where the Kafka jars, the plugin and
 * the simulator are, the state folder and port base, and the size of the run. {@code --short} picks the small
 * defaults meant for CI (a few minutes on two cores); every size can be set on its own.
 */
final class SuiteOptions {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> args;

    private SuiteOptions(List<String> args) {
        this.args = args;
    }

    static SuiteOptions parse(String... argv) {
        SuiteOptions o = new SuiteOptions(List.of(argv));
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                o.values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                o.values.put(name, argv[++i]);
            } else {
                o.values.put(name, "true");
            }
        }
        return o;
    }

    /** The arguments as given, for the report's "command" line. */
    String commandLine() {
        return String.join(" ", args);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    boolean isShort() {
        return flag("short");
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int full, int small) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(isShort() ? small : full)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(values.getOrDefault(name, Double.toString(fallback)));
    }

    Path path(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(v).toAbsolutePath();
    }

    /** The layout of a run named {@code run} under the state folder. */
    ClusterLayout layout(String run, int workers, boolean exactlyOnce) {
        return new ClusterLayout(path("state").resolve(run), path("kafka-libs"), path("plugin-path"),
                path("simulator-jar"), integer("ports-base", 28000, 28000), workers, exactlyOnce);
    }

    long seed() {
        return Long.parseLong(text("seed", "42"));
    }

    /** The frozen simulator clock of backfill runs: an hour ago on a whole minute, so every window has settled. */
    static Instant fixedClock() {
        return Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    }
}
