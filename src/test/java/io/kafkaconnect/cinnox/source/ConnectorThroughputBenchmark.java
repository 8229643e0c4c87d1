package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Prints how many records one task turns out per wall-clock second and per CPU second of the task's own
 * thread (the simulator's threads are not counted), backfilling days of every report from the simulator
 * on simulated time with no rate limit. Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <p>Arguments: records per day (default 5000), history days (default 3), reports (default all, comma-separated).
 */
public final class ConnectorThroughputBenchmark {

    private ConnectorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String reports = args.length > 2 ? args[2] : String.join(",", Report.names());
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        Instant history = now.minus(Duration.ofDays(days));
        try (CinnoxSimulator sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(1)
                .historyDays(days + 1).volume(Volume.perDay(perDay)).fixedClock(now).port(0)
                .rateLimitPerMinute(1_000_000).build())) {
            sim.truth().records("enquiry-detail", history, now); // generate the data before timing
            TaskHarness h = new TaskHarness(sim, history, Map.of("lookback.ms", "0",
                    "heartbeat.interval.ms", "0", "reports", reports));
            List<CinnoxSourceTask> tasks = h.startTasks(1);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            h.run(tasks, now.plus(Duration.ofMinutes(31)), 10_000_000);
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            TaskHarness.stop(tasks);
            long records = h.emitted.stream().filter(r -> !r.topic().endsWith("heartbeat")).count();
            System.out.printf("%d records (%d per day x %d days of %s) from %d requests%n", records, perDay,
                    days, reports, sim.requests().total());
            System.out.printf("wall %.2f s -> %.0f records/s; task thread CPU %.2f s -> %.0f records per CPU second%n",
                    wall, records / wall, cpu, records / cpu);
        }
    }
}
