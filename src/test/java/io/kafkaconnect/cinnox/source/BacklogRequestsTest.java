package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.Chunk;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shape of the 1,000,000-record benchmark (four paged reports over 25 days in 7-day chunks, about 500
 * pages each, re-scans at their default settings) scaled down by 20 in volume and by 10 in page size (so the horizon's day is a twentieth of the minimum,
 * as there, and the drift check's one-row overlap per page costs 2%, not 0.2%): the
 * requests of each report split into the main pass and the re-scans, so the backlog's cost is measured
 * against the benchmark's minimum (one page per page size of records, 90-day windows) without the re-scans.
 */
class BacklogRequestsTest {

    private static final Instant NOW = Instant.parse("2026-01-26T00:10:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(25));
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration CHUNK = Duration.ofDays(7);
    private static final int PAGE = 50;
    private static final List<String> REPORTS = List.of("enquiry-detail", "call-detail", "call-log", "sms-detail");

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theBacklogCostsAtMostFivePercentAboveTheMinimumAndTheReScansComeOneIntervalLater() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(11).historyDays(26)
                .volume(Volume.none().withEnquiries(500).withCalls(500).withConferences(50).withSms(500))
                .rateLimitPerMinute(1_000_000).fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("reports", String.join(",", REPORTS),
                "backfill.chunk.days", "7", "window.settle.ms", Long.toString(SETTLE.toMillis()),
                "lookback.ms", Long.toString(Duration.ofDays(3).toMillis()), "page.size", Integer.toString(PAGE)));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plusSeconds(1), 100_000);
        Map<String, Kinds> backlog = new HashMap<>();
        long total = 0;
        long minimum = 0;
        for (String report : REPORTS) {
            Kinds kinds = Kinds.of(requests(report));
            int records = h.recordsOf("cinnox." + report).size();
            long least = (records + PAGE - 1) / PAGE;
            System.out.printf("%s: %d records, minimum %d, %s%n", report, records, least, kinds);
            assertTrue(records > 12_000, report + " holds about 12,500 rows");
            backlog.put(report, kinds);
            total += kinds.main();
            minimum += least;
        }
        System.out.printf("main pass %d / minimum %d = %.3f%n", total, minimum, (double) total / minimum);
        assertTrue(total <= 1.05 * minimum, total + " main-pass requests for a minimum of " + minimum);
        backlog.values().forEach(k -> assertEquals(0, k.rescan(), "no re-scan right after the main pass read it"));

        h.run(tasks, NOW.plus(Duration.ofMinutes(61)), 100_000);
        TaskHarness.stop(tasks);
        for (String report : REPORTS) {
            Kinds later = Kinds.of(requests(report));
            System.out.printf("%s after an hour: %s%n", report, later);
            assertTrue(later.rescan() > 10, report + ": the recent tier every 5 minutes and the horizon after an hour");
        }
    }

    private List<RecordedRequest> requests(String report) {
        return sim.requests().all().stream().filter(r -> r.path().endsWith("/" + report))
                .filter(r -> r.query().containsKey("startAt")).toList();
    }

    /**
     * Requests by kind: main-pass windows start at the history start, at a chunk start or where another main
     * window ended, and end at a chunk's end or at settled time (not on the hour, as NOW is not); every other
     * window is a re-scan's. A page of a window asked again (a page drift) counts apart.
     */
    private record Kinds(int main, int rescan, int drift) {

        static Kinds of(List<RecordedRequest> requests) {
            Set<Instant> mainStarts = new HashSet<>(Set.of(HISTORY));
            Chunk.covering(HISTORY, NOW, CHUNK).forEach(c -> mainStarts.add(c.start()));
            Set<String> seen = new HashSet<>();
            int main = 0;
            int rescan = 0;
            int drift = 0;
            for (RecordedRequest r : requests) {
                Instant start = Instant.parse(r.query().get("startAt"));
                Instant end = Instant.parse(r.query().get("endAt")).plusMillis(1);
                boolean onChunkEnd = Chunk.containing(start, CHUNK).end().equals(end);
                boolean isMain = mainStarts.contains(start) && (onChunkEnd || end.getEpochSecond() % 3600 != 0);
                if (isMain && !seen.add(start + "/" + end + "/" + r.query().get("offset"))) {
                    drift++;
                } else if (isMain) {
                    mainStarts.add(end);
                    main++;
                } else {
                    rescan++;
                }
            }
            return new Kinds(main, rescan, drift);
        }
    }
}
