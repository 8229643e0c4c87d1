package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DemandEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SETTLE = Duration.ofMinutes(30);
    private static final DemandEstimator ESTIMATOR =
            new DemandEstimator(NOW.minus(Duration.ofDays(30)), SETTLE, Duration.ofMinutes(1));

    private static WorkUnit unit(Report report, Instant in) {
        return new WorkUnit("app", report, Chunk.containing(in, WEEK));
    }

    /** A cursor whose last window ended at {@code next}, where the next window starts. */
    private static WindowCursor at(Instant next) {
        return WindowCursor.fresh().startWindow(next.minusSeconds(60), next).windowFinished();
    }

    @Test
    void aFreshOldChunkIsBehindAndACaughtUpLiveChunkIsNot() {
        WorkUnit old = unit(Report.ENQUIRY_DETAIL, NOW.minus(Duration.ofDays(20)));
        WorkUnit live = unit(Report.ENQUIRY_DETAIL, NOW);
        assertTrue(ESTIMATOR.behind(old, null, NOW));
        assertTrue(ESTIMATOR.behind(live, null, NOW), "a live chunk nothing was read of yet");
        WindowCursor caughtUp = at(NOW.minus(SETTLE).minus(Duration.ofMinutes(1)));
        assertFalse(ESTIMATOR.behind(live, caughtUp, NOW), "the next window starts a minute before settled time");
        WindowCursor lagging = at(NOW.minus(SETTLE).minus(Duration.ofMinutes(10)));
        assertTrue(ESTIMATOR.behind(live, lagging, NOW));
    }

    @Test
    void manyPendingChildrenMakeACaughtUpUnitBusy() {
        WorkUnit live = unit(Report.ENQUIRY_DETAIL, NOW);
        Instant start = NOW.minus(SETTLE).minus(Duration.ofMinutes(2));
        WindowCursor fewChats = WindowCursor.fresh().startWindow(start, start.plusSeconds(60))
                .withPending(List.of("e1", "e2", "e3"));
        assertFalse(ESTIMATOR.behind(live, fewChats, NOW));
        List<String> page = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "e" + i).toList();
        WindowCursor pageOfChats = WindowCursor.fresh().startWindow(start, start.plusSeconds(60)).withPending(page);
        assertTrue(ESTIMATOR.behind(live, pageOfChats, NOW));
    }

    @Test
    void aDailyUnitIsNotBehindForWaitingOnTodaysRow() {
        WorkUnit overview = unit(Report.ENQUIRY_OVERVIEW, NOW);
        Instant today = Instant.parse("2026-01-10T00:00:00Z");
        assertFalse(ESTIMATOR.behind(overview, at(today), NOW), "today's row is read once tomorrow settles");
        assertTrue(ESTIMATOR.behind(overview, at(today.minus(Duration.ofDays(2))), NOW));
    }

    @Test
    void snapshotAndFinishedUnitsAreNeverBehindAndFinishedOnesNeedNothing() {
        WorkUnit snapshot = WorkUnit.snapshot("app", Report.CHANNEL_TYPE_LIST);
        WorkUnit finished = unit(Report.CALL_LOG, NOW.minus(Duration.ofDays(20)));
        assertFalse(ESTIMATOR.behind(snapshot, null, NOW));
        assertFalse(ESTIMATOR.behind(finished, WindowCursor.fresh().unitFinished(), NOW));
        TaskDemand demand = ESTIMATOR.of(List.of(snapshot, finished),
                u -> u.equals(finished) ? WindowCursor.fresh().unitFinished() : null, NOW);
        assertEquals(TaskDemand.idle(1), demand);
    }

    @Test
    void aTaskNeedsTheLiveRateOfItsUnitsAndCountsThoseBehind() {
        WorkUnit live = unit(Report.ENQUIRY_DETAIL, NOW);
        WorkUnit liveCalls = unit(Report.CALL_LOG, NOW);
        WorkUnit old = unit(Report.CALL_LOG, NOW.minus(Duration.ofDays(20)));
        WindowCursor caughtUp = at(NOW.minus(SETTLE).minus(Duration.ofMinutes(1)));
        Map<WorkUnit, WindowCursor> cursors = Map.of(live, caughtUp, liveCalls, caughtUp);
        TaskDemand demand = ESTIMATOR.of(List.of(live, liveCalls, old), cursors::get, NOW);
        assertEquals(new TaskDemand(4, 1), demand,
                "2 per minute for each caught-up windowed unit; the unit behind is weighed by its backlog instead");
    }

    @Test
    void aLongPollIntervalNeedsLessThanAShortOne() {
        WorkUnit live = unit(Report.SMS_DETAIL, NOW);
        DemandEstimator slow = new DemandEstimator(NOW, SETTLE, Duration.ofMinutes(5));
        DemandEstimator fast = new DemandEstimator(NOW, SETTLE, Duration.ofSeconds(10));
        assertEquals(2, slow.liveRate(live));
        assertEquals(7, fast.liveRate(live));
    }

    @Test
    void unitsNotSizedYetWeighTheMeanOfThoseSizedOrOneEachWhenNoneIs() {
        DemandEstimator.UnitDemand caughtUp = new DemandEstimator.UnitDemand(2, false, OptionalLong.empty());
        DemandEstimator.UnitDemand chats = new DemandEstimator.UnitDemand(2, true, OptionalLong.of(1_400));
        DemandEstimator.UnitDemand pages = new DemandEstimator.UnitDemand(2, true, OptionalLong.of(200));
        DemandEstimator.UnitDemand unknown = new DemandEstimator.UnitDemand(2, true, OptionalLong.empty());
        List<TaskDemand> tasks = DemandEstimator.combine(List.of(List.of(chats, caughtUp), List.of(pages, unknown),
                List.of(caughtUp)));
        assertEquals(List.of(new TaskDemand(2, 1, 1_400), new TaskDemand(1, 2, 200 + 800), TaskDemand.idle(2)), tasks,
                "live rates of the caught-up units only (at least 1)");
        assertEquals(List.of(new TaskDemand(1, 1), new TaskDemand(1, 2)),
                DemandEstimator.combine(List.of(List.of(unknown), List.of(unknown, unknown))), "nothing sized: by units");
    }

    @Test
    void aTaskWeighsTheRequestsItsUnitsBehindHaveLeft() {
        DemandEstimator estimator = new DemandEstimator(NOW.minus(Duration.ofDays(30)), SETTLE, Duration.ofMinutes(1),
                new BacklogEstimate(NOW.minus(Duration.ofDays(30)), SETTLE, 500));
        WorkUnit old = unit(Report.ENQUIRY_DETAIL, NOW.minus(Duration.ofDays(20)));
        WorkUnit live = unit(Report.ENQUIRY_DETAIL, NOW);
        WindowCursor caughtUp = at(NOW.minus(SETTLE).minus(Duration.ofMinutes(1)));
        WindowCursor started = WindowCursor.fresh().startWindow(old.chunk().start(), old.chunk().end()).nextPage(500);
        Map<WorkUnit, WindowCursor> cursors = Map.of(old, started, live, caughtUp);
        Bucket first = Bucket.of(old.chunk().start(), Duration.ofHours(1));
        List<LedgerTally> queued = List.of(new LedgerTally(first, 300, 10), new LedgerTally(first.next(), 200, 200));
        List<DemandEstimator.UnitDemand> units = estimator.units(List.of(old, live), cursors::get,
                unit -> unit.equals(old) ? queued : List.of(), NOW);
        assertEquals(List.of(new DemandEstimator.UnitDemand(2, true, units.get(0).requestsLeft()),
                new DemandEstimator.UnitDemand(2, false, OptionalLong.empty())), units);
        // 210 queued, one chat a row for 500 rows in 2 hours over the 166 hours left: 41,500 chats and 83 pages.
        assertEquals(OptionalLong.of(210 + 41_500 + 83), units.get(0).requestsLeft());
    }
    /**
     * The skewed 3-worker benchmark (05:35 UTC, 2026-12-01): a task with two units behind (213 requests left)
     * was also given their live rates, 5 a minute it did not need while they were behind; it spent them on its
     * backlog, finished 1.7 minutes before the chat task, and its share then idled on its worker. Busy tasks
     * whose units are all behind must finish together at the shares they get.
     */
    @Test
    void busyTasksWhoseUnitsAreAllBehindFinishTogether() {
        DemandEstimator.UnitDemand recordings = new DemandEstimator.UnitDemand(2, true, OptionalLong.of(200));
        DemandEstimator.UnitDemand calls = new DemandEstimator.UnitDemand(3, true, OptionalLong.of(13));
        DemandEstimator.UnitDemand chats = new DemandEstimator.UnitDemand(2, true, OptionalLong.of(2_427));
        List<TaskDemand> tasks = DemandEstimator.combine(List.of(List.of(recordings, calls), List.of(chats)));
        List<Double> shares = new ShareAllocator(450).target(tasks);
        double small = 213 / shares.get(0);
        double large = 2_427 / shares.get(1);
        assertTrue(Math.abs(small - large) / large < 0.05,
                "minutes to finish at these shares " + shares + ": " + small + " and " + large);
    }
}
