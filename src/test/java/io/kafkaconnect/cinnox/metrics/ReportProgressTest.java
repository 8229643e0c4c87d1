package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.MainPass;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.TimeRange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportProgressTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration SETTLE = Duration.ofMinutes(30);
    private static final Instant DAY0 = Instant.parse("2026-01-08T00:00:00Z");

    private static MainPass pass(Instant start, Instant end, Instant position, boolean done) {
        return new MainPass(new TimeRange(start, end), position, done);
    }

    @Test
    void lagIsMeasuredFromTheLeastAdvancedUnfinishedMainPass() {
        MainPass finished = pass(DAY0, DAY0.plus(Duration.ofDays(1)), DAY0.plus(Duration.ofDays(1)), false);
        MainPass backfill = pass(DAY0.plus(Duration.ofDays(1)), DAY0.plus(Duration.ofDays(2)),
                DAY0.plus(Duration.ofHours(30)), false);
        MainPass live = pass(DAY0.plus(Duration.ofDays(2)), DAY0.plus(Duration.ofDays(3)),
                NOW.minus(Duration.ofMinutes(31)), false);
        ReportProgress progress = ReportProgress.of(Report.SMS_DETAIL, 7, List.of(finished, backfill, live), NOW, SETTLE);
        assertEquals(Duration.between(DAY0.plus(Duration.ofHours(30)), NOW), progress.lag());
        assertEquals(1, progress.finished());
        double settledMs = Duration.between(DAY0, NOW.minus(SETTLE)).toMillis();
        double readMs = Duration.ofDays(1).plusHours(6).plus(Duration.ofHours(11).plusMinutes(29)).toMillis();
        assertEquals(readMs / settledMs, progress.backfill(), 1e-9);
    }

    @Test
    void everyMainPassFinishedMeansNoLagAndAFullBackfill() {
        MainPass done = pass(DAY0, DAY0.plus(Duration.ofDays(1)), DAY0, true);
        ReportProgress progress = ReportProgress.of(Report.SMS_DETAIL, 0, List.of(done), NOW, SETTLE);
        assertEquals(Duration.ZERO, progress.lag());
        assertEquals(1.0, progress.backfill());
    }

    @Test
    void aUnitWithNothingSettledYetCountsAsCaughtUp() {
        MainPass fresh = pass(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)), NOW.minusSeconds(60), false);
        ReportProgress progress = ReportProgress.of(Report.SMS_DETAIL, 0, List.of(fresh), NOW, SETTLE);
        assertEquals(Duration.ofSeconds(60), progress.lag());
        assertEquals(1.0, progress.backfill());
    }

    @Test
    void aSnapshotReportsTheAgeOfItsLastCompleteRead() {
        ReportProgress never = ReportProgress.of(Report.CHANNEL_TYPE_LIST, 0,
                List.of(MainPass.snapshot(NOW.minusSeconds(5), false)), NOW, SETTLE);
        ReportProgress read = ReportProgress.of(Report.CHANNEL_TYPE_LIST, 3,
                List.of(MainPass.snapshot(NOW.minusSeconds(90), true)), NOW, SETTLE);
        assertEquals(0.0, never.backfill());
        assertEquals(Duration.ofSeconds(5), never.lag());
        assertEquals(1.0, read.backfill());
        assertEquals(Duration.ofSeconds(90), read.lag());
    }

    @Test
    void theLogLineIsShortAndReadable() {
        MainPass live = pass(DAY0, DAY0.plus(Duration.ofDays(3)), NOW.minus(Duration.ofMinutes(35)).minusSeconds(12),
                false);
        assertEquals("sms-detail: 12 records, lag 35m 12s, backfill 99.9% (0/1 units' main passes finished)",
                ReportProgress.of(Report.SMS_DETAIL, 12, List.of(live), NOW, SETTLE).toString());
        assertEquals("recording-file: 4 records",
                ReportProgress.of(Report.RECORDING_FILE, 4, List.of(), NOW, SETTLE).toString());
        assertEquals("1d 2h 3m 4s", ReportProgress.human(Duration.ofSeconds(93_784)));
    }
}
