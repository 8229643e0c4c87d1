package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlanTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final DemandEstimator ESTIMATOR =
            new DemandEstimator(NOW.minus(Duration.ofDays(30)), Duration.ofMinutes(30), Duration.ofMinutes(1));
    private static final WorkUnit LIVE = new WorkUnit("app", Report.CALL_LOG, Chunk.containing(NOW, WEEK));
    private static final WorkUnit OLD =
            new WorkUnit("app", Report.CALL_LOG, Chunk.containing(NOW.minus(Duration.ofDays(14)), WEEK));

    @Test
    void eachTaskGetsItsUnitsAndTheirDemand() {
        TaskPlan plan = TaskPlan.deal(List.of(OLD, LIVE), 2, false, ESTIMATOR, unit -> null, NOW);
        assertEquals(List.of(List.of(LIVE), List.of(OLD)), plan.groups(), "newest chunk first");
        assertEquals(List.of(new TaskDemand(1, 1), new TaskDemand(1, 1)), plan.demands(),
                "nothing read yet: behind, so no live rate yet (the backlog is weighed instead)");
        assertEquals(List.of(TaskDemand.idle(2), TaskDemand.idle(2)), plan.withoutBacklogs(ESTIMATOR).demands(),
                "without backlogs: the live rate each unit will need once caught up");
    }

    @Test
    void theReceiverTaskOnlyReceivesAndNeedsOneRequestAMinute() {
        TaskPlan plan = TaskPlan.deal(List.of(OLD, LIVE), 3, true, ESTIMATOR, unit -> null, NOW);
        assertEquals(List.of(List.of(), List.of(LIVE), List.of(OLD)), plan.groups());
        assertEquals(TaskDemand.idle(1), plan.demands().get(0));
        assertTrue(plan.receiver());
        TaskPlan alone = TaskPlan.deal(List.of(OLD, LIVE), 1, true, ESTIMATOR, unit -> null, NOW);
        assertEquals(1, alone.groups().size(), "with one task the receiver also polls");
    }

    /**
     * The unit dealt to task 0 has read nothing; the one dealt to task 1 has read six of its seven days: every
     * unit is sized before any task is weighed, so task 0 weighs its whole chunk at that unit's density, not the
     * little the other has left.
     */
    @Test
    void aUnitThatHasReadNothingIsSizedByItsReportWhicheverTaskHoldsTheUnitThatRead() {
        Chunk older = Chunk.containing(NOW.minus(Duration.ofDays(12)), WEEK);
        WorkUnit read = new WorkUnit("app", Report.ENQUIRY_DETAIL, older);
        WorkUnit unread = new WorkUnit("app", Report.ENQUIRY_DETAIL, Chunk.containing(older.end(), WEEK));
        WindowCursor pages = WindowCursor.fresh().startWindow(older.start(), older.end()).nextPage(1_440);
        List<LedgerTally> sixDays = new ArrayList<>();
        Bucket bucket = Bucket.of(older.start(), Duration.ofHours(1));
        for (int h = 0; h < 144; h++, bucket = bucket.next()) {
            sixDays.add(new LedgerTally(bucket, 10, h == 142 ? 5 : h == 143 ? 10 : 0));
        }
        DemandEstimator estimator = new DemandEstimator(NOW.minus(Duration.ofDays(30)), Duration.ofMinutes(30),
                Duration.ofMinutes(1), new BacklogEstimate(NOW.minus(Duration.ofDays(30)), Duration.ofMinutes(30), 500));
        TaskPlan plan = TaskPlan.deal(List.of(read, unread), 2, false, estimator, u -> u.equals(read) ? pages : null,
                u -> u.equals(read) ? sixDays : List.of(), NOW);
        assertEquals(List.of(List.of(unread), List.of(read)), plan.groups(), "newest chunk first");
        // Read: 15 queued, 240 rows left with a chat each, 1 page; unread: 1,680 rows, a chat each, 4 pages.
        assertEquals(List.of(1_684L, 256L), plan.demands().stream().map(TaskDemand::backlogRequests).toList());
    }

    @Test
    void aTaskWhoseUnitsAreAllDoneIsSeen() {
        TaskPlan plan = TaskPlan.deal(List.of(OLD, LIVE), 2, false, ESTIMATOR, unit -> null, NOW);
        assertFalse(plan.anyTaskFinished(List.of(OLD, LIVE)));
        assertTrue(plan.anyTaskFinished(List.of(LIVE)));
    }

    @Test
    void unitsStayOnTheirTasksWhileABacklogLastsAndAreDealtAfreshOnceNoneIsBehind() {
        WorkUnit older = new WorkUnit("app", Report.SMS_DETAIL, OLD.chunk());
        List<List<WorkUnit>> previous = List.of(List.of(), List.of(LIVE), List.of(older, OLD));
        TaskPlan sticky = TaskPlan.deal(List.of(OLD, LIVE), 3, true, ESTIMATOR, unit -> null, unit -> List.of(),
                previous, NOW);
        assertEquals(List.of(List.of(), List.of(LIVE), List.of(OLD)), sticky.groups(), "OLD stays on task 2");
        WindowCursor caughtUp = WindowCursor.fresh().startWindow(NOW.minus(Duration.ofMinutes(32)),
                NOW.minus(Duration.ofMinutes(31))).windowFinished();
        TaskPlan fresh = TaskPlan.deal(List.of(LIVE), 3, true, ESTIMATOR, unit -> caughtUp, unit -> List.of(),
                List.of(List.of(), List.of(OLD), List.of(LIVE)), NOW);
        assertEquals(List.of(List.of(), List.of(LIVE)), fresh.groups(), "nothing behind: two tasks are enough");
    }
}
