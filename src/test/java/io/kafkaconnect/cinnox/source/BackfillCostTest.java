package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.Chunk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a backlog costs in requests against the simulator: 20,000 enquiries over 30 days, 500-record pages,
 * 7-day chunks. The minimum is the sum over the widest windows the API takes of the pages they need.
 */
class BackfillCostTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(30));
    private static final Duration SETTLE = Duration.ofMinutes(30);
    private static final Duration CHUNK = Duration.ofDays(7);
    private static final int PAGE = 500;

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Runs one task over the backlog until it has caught up; returns the enquiry-detail requests sent. */
    private Backlog backfill(Map<String, String> overrides) throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(31)
                .volume(Volume.none().withEnquiries(667)).fixedClock(NOW).port(0).build());
        return run(overrides);
    }

    private Backlog run(Map<String, String> overrides) throws Exception {
        Map<String, String> props = new HashMap<>(Map.of("reports", "enquiry-detail", "backfill.chunk.days", "7",
                "window.settle.ms", Long.toString(SETTLE.toMillis()), "lookback.ms", "0"));
        props.putAll(overrides);
        TaskHarness h = new TaskHarness(sim, HISTORY, props);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plusSeconds(1), 100_000);
        TaskHarness.stop(tasks);
        return new Backlog(sim.requests().count("enquiry-detail"), createdTimes(h.recordsOf("cinnox.enquiry-detail")));
    }

    private static List<Instant> createdTimes(List<SourceRecord> records) {
        List<Instant> times = new ArrayList<>();
        for (SourceRecord record : records) {
            times.add(((java.util.Date) ((Struct) record.value()).get("createdAt")).toInstant());
        }
        return times;
    }

    private record Backlog(int requests, List<Instant> created) {

        /** The fewest requests offset paging needs when windows are at most {@code width} inside each chunk. */
        int minimum(Duration width) {
            int requests = 0;
            for (Chunk chunk : Chunk.covering(HISTORY, NOW.minus(SETTLE), CHUNK)) {
                Instant start = HISTORY.isAfter(chunk.start()) ? HISTORY : chunk.start();
                Instant chunkEnd = chunk.end().isBefore(NOW.minus(SETTLE)) ? chunk.end() : NOW.minus(SETTLE);
                while (start.isBefore(chunkEnd)) {
                    Instant end = start.plus(width).isBefore(chunkEnd) ? start.plus(width) : chunkEnd;
                    requests += pagesFor(count(start, end));
                    start = end;
                }
            }
            return requests;
        }

        /**
         * Requests the backlog itself took: all of them, since a unit's re-scan tiers count as run at its first
         * page and so first re-read one interval (5 minutes at least) after it, not within this run.
         */
        int backlogRequests() {
            return requests;
        }

        private int count(Instant start, Instant end) {
            return (int) created.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count();
        }

        /** A window is read until a page comes back short: a full last page costs one empty page more. */
        private static int pagesFor(int records) {
            return records / PAGE + 1;
        }
    }

    @Test
    void oneDayWindowsCostAThirdMoreThanTheMinimum() throws Exception {
        Backlog backlog = backfill(Map.of("query.window.max.ms", Long.toString(Duration.ofDays(1).toMillis())));
        int minimum = backlog.minimum(CHUNK);
        System.out.printf("one-day windows: %d records, %d requests, minimum %d%n", backlog.created().size(),
                backlog.requests(), minimum);
        assertTrue(backlog.created().size() > 19_000, "the backlog holds about 20,000 enquiries");
        assertEquals(backlog.minimum(Duration.ofDays(1)), backlog.backlogRequests(), "one-day windows, each paged once");
        assertTrue(backlog.backlogRequests() > 1.3 * minimum);
    }

    @Test
    void chunkWideWindowsCostAtMostFivePercentAboveTheMinimum() throws Exception {
        Backlog backlog = backfill(Map.of());
        int minimum = backlog.minimum(CHUNK);
        System.out.printf("chunk-wide windows: %d records, %d requests, minimum %d%n",
                backlog.created().size(), backlog.requests(), minimum);
        assertTrue(backlog.created().size() > 19_000, "the backlog holds about 20,000 enquiries");
        assertTrue(backlog.backlogRequests() <= 1.05 * minimum, backlog.backlogRequests() + " backlog requests for a minimum of "
                + minimum);
    }

    @Test
    void theDaysCinnoxNamesAreLearntOnceForEveryUnitOfTheTask() throws Exception {
        Backlog backlog = backfillWithMaxDays(3);
        int minimum = backlog.minimum(Duration.ofDays(3));
        System.out.printf("3-day limit: %d records, %d requests (%d refused), minimum %d%n", backlog.created().size(),
                backlog.requests(), refused(), minimum);
        assertEquals(1, refused(), "one refusal teaches every unit of the task");
        assertTrue(backlog.backlogRequests() <= 1.05 * minimum, backlog.backlogRequests() + " backlog requests for a minimum of "
                + minimum);
    }

    private Backlog backfillWithMaxDays(int days) throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(31)
                .volume(Volume.none().withEnquiries(667)).fixedClock(NOW).port(0).build());
        sim.behaviour().maxWindowDays("enquiry-detail", days);
        return run(Map.of());
    }

    /** Requests whose window was longer than the 3 days the simulator takes: it refused them. */
    private long refused() {
        return sim.requests().all().stream().filter(r -> r.query().containsKey("startAt"))
                .filter(r -> Duration.between(Instant.parse(r.query().get("startAt")), Instant.parse(r.query().get("endAt")))
                        .compareTo(Duration.ofDays(3)) > 0)
                .count();
    }
}
