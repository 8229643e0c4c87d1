package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
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
        assertEquals(List.of(new TaskDemand(2, 1), new TaskDemand(2, 1)), plan.demands(), "nothing read yet: behind");
        assertEquals(List.of(TaskDemand.idle(2), TaskDemand.idle(2)), plan.withoutBacklogs().demands());
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
