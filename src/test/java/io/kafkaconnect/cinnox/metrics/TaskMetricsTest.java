package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.RecordMaker;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.source.CinnoxSourceTask;
import io.kafkaconnect.cinnox.source.TaskHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.Fault;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task's plugin metrics while it backfills from the simulator on simulated time. */
class TaskMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));
    private static final Duration SETTLE = Duration.ofMinutes(30);
    private static final List<Report> WINDOWED = List.of(Report.ENQUIRY_DETAIL, Report.CALL_DETAIL, Report.CALL_LOG,
            Report.CONFERENCE_DETAIL, Report.SMS_DETAIL, Report.SENT_CAMPAIGNS_SUMMARY);

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        return new TaskHarness(sim, HISTORY, Map.of()).withMetrics();
    }

    @Test
    void countersFollowWhatTheTaskDidAndLagFallsToTheSettleDelay() throws Exception {
        TaskHarness h = harness();
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.pollTimes(tasks.get(0), 5);
        long lagAtStart = lag(h, Report.ENQUIRY_DETAIL);
        double backfillAtStart = backfill(h, Report.ENQUIRY_DETAIL);
        assertTrue(lagAtStart > Duration.ofDays(1).getSeconds(), "lag at the start: " + lagAtStart);
        assertTrue(backfillAtStart < 0.5, "backfill at the start: " + backfillAtStart);

        h.run(tasks, NOW.plus(Duration.ofMinutes(1)), 200_000);
        assertPermitsOfLastMinute(h, "the backfill's first minute");
        assertTrue((Long) h.metric(0, CinnoxMetric.REQUESTS_LAST_MINUTE, null) > 100, "a busy minute");

        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);

        assertEquals(sim.requests().total(), h.metric(0, CinnoxMetric.REQUESTS_SENT, null));
        assertEquals(0L, h.metric(0, CinnoxMetric.REQUESTS_THROTTLED, null));
        assertEquals(0L, h.metric(0, CinnoxMetric.RATE_LIMITED, null));
        assertEquals(0L, h.metric(0, CinnoxMetric.RETRIES, null));
        assertEquals((long) h.recordsOf(h.config().heartbeatTopic()).size(), h.metric(0, CinnoxMetric.HEARTBEATS, null));
        assertEquals(0L, h.metric(0, CinnoxMetric.RECORDS_WITHOUT_KEY, null));
        assertEquals(1_000_000.0, h.metric(0, CinnoxMetric.REQUESTS_SHARE, null), "the harness's budget");
        assertEquals(0.0, h.metric(0, CinnoxMetric.REQUESTS_LENT, null), "a task without a place neither lends");
        assertEquals(0L, h.metric(0, CinnoxMetric.REQUESTS_BORROWED, null), "nor borrows");
        assertPermitsOfLastMinute(h, "once caught up");
        for (Report report : Report.values()) {
            assertEquals(emitted(h, report), h.metric(0, CinnoxMetric.RECORDS, report), "records of " + report);
        }
        assertTrue((Long) h.metric(0, CinnoxMetric.RECORDS, Report.RECORDING_FILE) > 0, "recordings were read");
        for (Report report : WINDOWED) {
            long lag = lag(h, report);
            assertTrue(lag >= SETTLE.getSeconds() && lag <= SETTLE.plusMinutes(5).getSeconds(), report + " lag " + lag);
            assertTrue(backfill(h, report) > 0.99, report + " backfill " + backfill(h, report));
        }
        assertTrue(lag(h, Report.ENQUIRY_OVERVIEW) <= Duration.ofDays(1).plus(SETTLE).getSeconds());
        assertEquals(1.0, backfill(h, Report.CHANNEL_TYPE_LIST));
        assertNull(h.metric(0, CinnoxMetric.LAG_SECONDS, Report.RECORDING_FILE), "child reports have no lag");

        TaskHarness.stop(tasks);
        assertNull(h.metric(0, CinnoxMetric.REQUESTS_SENT, null), "a stopped task removes its metrics");
    }

    @Test
    void faultsAndRateLimitsAreCounted() throws Exception {
        TaskHarness h = harness();
        List<CinnoxSourceTask> tasks = h.startTasks(2);
        sim.faults().rate(Fault.SERVICE_ERROR, 0.05).rate(Fault.HTTP_500, 0.05);
        h.pollTimes(tasks.get(0), 50);
        sim.faults().rateLimitStorm(Duration.ofMinutes(3));
        h.run(tasks, sim.clock().now().plus(Duration.ofMinutes(4)), 50_000);

        long retries = (Long) h.metric(0, CinnoxMetric.RETRIES, null) + (Long) h.metric(1, CinnoxMetric.RETRIES, null);
        long rateLimited = (Long) h.metric(0, CinnoxMetric.RATE_LIMITED, null)
                + (Long) h.metric(1, CinnoxMetric.RATE_LIMITED, null);
        long throttled = (Long) h.metric(0, CinnoxMetric.REQUESTS_THROTTLED, null)
                + (Long) h.metric(1, CinnoxMetric.REQUESTS_THROTTLED, null);
        assertEquals(tasks.get(0).stats().retries() + tasks.get(1).stats().retries(), retries);
        assertTrue(retries > 0, "faults were retried: " + retries);
        assertTrue(rateLimited > 0, "6451010 answers were counted: " + rateLimited);
        assertTrue(throttled > rateLimited, "polls waited for the paused account: " + throttled);
        TaskHarness.stop(tasks);
    }

    @Test
    void aTaskWithoutPluginMetricsRunsAsBefore() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of());
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.pollTimes(tasks.get(0), 20);
        TaskHarness.stop(tasks);
        assertNotNull(tasks.get(0).stats());
        assertTrue(h.emitted.size() > 0);
    }

    /**
     * requests-last-minute counts the budget's permits of the last full clock minute; the simulator counts the
     * requests that reached it in that minute (one task sends them all). A step expected to send a request may
     * end without one, so a permit or two more than requests is allowed (174 for 173 in the first minute here).
     */
    private void assertPermitsOfLastMinute(TaskHarness h, String when) {
        Instant minute = sim.clock().now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        long sent = sim.requests().perMinute(sim.defaultAccount().serviceAccountId()).getOrDefault(minute, 0);
        long permits = (Long) h.metric(0, CinnoxMetric.REQUESTS_LAST_MINUTE, null);
        assertTrue(permits >= sent && permits <= sent + 2, when + ": " + permits + " permits, " + sent + " requests");
    }

    private static long lag(TaskHarness h, Report report) {
        return (Long) h.metric(0, CinnoxMetric.LAG_SECONDS, report);
    }

    private static double backfill(TaskHarness h, Report report) {
        return (Double) h.metric(0, CinnoxMetric.BACKFILL_PROGRESS, report);
    }

    private static Long emitted(TaskHarness h, Report report) {
        String heartbeats = h.config().heartbeatTopic();
        long count = h.emitted.stream().filter(r -> !r.topic().equals(heartbeats) && isOf(r, report)).count();
        return count == 0 && h.metric(0, CinnoxMetric.RECORDS, report) == null ? null : count;
    }

    private static boolean isOf(SourceRecord record, Report report) {
        var header = record.headers().lastWithName(RecordMaker.REPORT_HEADER);
        return header != null && report.apiName().equals(header.value());
    }
}
