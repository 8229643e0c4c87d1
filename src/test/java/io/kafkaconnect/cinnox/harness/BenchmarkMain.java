package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark of issue 10 with real processes: a broker, N workers and a live-clock simulator (its real
 * 500-a-minute limit, a given latency) serve a backlog; the run measures requests per clock minute against the
 * budget and the requests against the minimum (both from the simulator's own counts), records per second,
 * worker CPU seconds per 1,000 records and worker heap. Named runs ({@code --run}) set the sizes of docs/benchmarks.md;
 * any option given after them overrides. Run it through bin/benchmark.
 */
public final class BenchmarkMain {

    static final Map<String, String> RUNS = Map.of(
            "1x1-0ms", "--workers 1 --tasks 1 --latency-ms 0 --per-day 200 --history-days 7",
            "1x1-250ms", "--workers 1 --tasks 1 --latency-ms 250 --per-day 200 --history-days 7",
            "3x6-skewed", "--workers 3 --tasks 6 --latency-ms 0 --per-day 200 --skewed",
            "1m-backfill", "--workers 1 --tasks 1 --latency-ms 0 --per-day 10000 --history-days 25 "
                    + "--reports enquiry-detail,call-detail,call-log,sms-detail --simulator-heap 3g "
                    + "--max-minutes 120");

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        SuiteOptions given = SuiteOptions.parse(args);
        String run = given.text("run", "1x1-0ms");
        String preset = RUNS.get(run);
        if (preset == null && !run.equals("custom")) {
            throw new IllegalArgumentException("unknown run " + run + "; known: " + RUNS.keySet() + " or custom");
        }
        List<String> all = new ArrayList<>(preset == null ? List.of() : List.of(preset.split(" ")));
        all.addAll(List.of(args));
        SuiteOptions o = SuiteOptions.parse(all.toArray(String[]::new));
        ScenarioResult result = new ScenarioResult("benchmark " + run);
        try {
            new BenchmarkRun(o, run, result).run();
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        String md = "## Benchmark " + run + ", " + Instant.now() + "\n\nCommand: `bin/benchmark "
                + given.commandLine().replaceAll("--(kafka-libs|plugin-path|simulator-jar|state) \\S+ ?", "").trim()
                + "`\n\n" + result.markdown();
        System.out.println(md);
        append(o.path("state").resolve("benchmarks.md"), md + "\n");
        System.exit(result.passed() ? 0 : 1);
    }

    private static void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
