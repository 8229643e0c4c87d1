package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StickyDealTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Chunk OLD = Chunk.containing(NOW.minus(Duration.ofDays(20)), Duration.ofDays(7));
    private static final Chunk NEW = Chunk.containing(NOW, Duration.ofDays(7));
    private static final WorkUnit A = new WorkUnit("app", Report.ENQUIRY_DETAIL, OLD);
    private static final WorkUnit B = new WorkUnit("app", Report.SMS_DETAIL, OLD);
    private static final WorkUnit C = new WorkUnit("app", Report.CALL_LOG, OLD);
    private static final WorkUnit D = new WorkUnit("app", Report.CALL_DETAIL, OLD);
    private static final WorkUnit E = new WorkUnit("app", Report.ENQUIRY_DETAIL, NEW);

    @Test
    void aFinishedUnitLeavesItsTaskAndTheOthersStayWhereTheyAre() {
        List<List<WorkUnit>> previous = List.of(List.of(A, D), List.of(B), List.of(C));
        assertEquals(Optional.of(List.of(List.of(A), List.of(D), List.of(C))),
                StickyDeal.keep(List.of(A, C, D), 3, previous), "the emptied task takes the last unit of the largest");
        assertEquals(Optional.of(List.of(List.of(A), List.of(), List.of(C))),
                StickyDeal.keep(List.of(A, C), 3, List.of(List.of(A), List.of(B), List.of(C))),
                "the task count stays, so tasks keep their indexes");
    }

    @Test
    void aNewUnitGoesToTheTaskWithTheFewest() {
        List<List<WorkUnit>> previous = List.of(List.of(A, D), List.of(B), List.of(C));
        assertEquals(Optional.of(List.of(List.of(A, D), List.of(B, E), List.of(C))),
                StickyDeal.keep(List.of(A, B, C, D, E), 3, previous));
    }

    @Test
    void aFreshDealIsMadeWhenTheTaskCountShouldChangeOrNothingIsKept() {
        List<List<WorkUnit>> two = List.of(List.of(A, B), List.of(C, D));
        assertEquals(Optional.empty(), StickyDeal.keep(List.of(A, B, C, D), 3, two), "room for a third task");
        assertEquals(Optional.empty(), StickyDeal.keep(List.of(A, B, C, D), 1, two), "tasks.max lowered");
        assertEquals(Optional.empty(), StickyDeal.keep(List.of(E), 2, two), "none of its units left");
        assertEquals(Optional.empty(), StickyDeal.keep(List.of(A), 2, List.of()), "no previous deal");
    }
}
