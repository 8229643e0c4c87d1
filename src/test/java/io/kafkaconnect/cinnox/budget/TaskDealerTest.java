package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TaskDealerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(30));
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Chunk OLD = Chunk.containing(NOW.minus(Duration.ofDays(20)), Duration.ofDays(7));
    private static final WorkUnit CHATS = new WorkUnit("app", Report.ENQUIRY_DETAIL, OLD);
    private static final WorkUnit SMS = new WorkUnit("app", Report.SMS_DETAIL, OLD);
    private static final WorkUnit CALLS = new WorkUnit("app", Report.CALL_LOG, OLD);

    private static TaskDealer dealer() {
        DemandEstimator estimator = new DemandEstimator(HISTORY, SETTLE, Duration.ofMinutes(1),
                new BacklogEstimate(HISTORY, SETTLE, 500));
        return new TaskDealer(estimator, 450, Duration.ofMinutes(1), false, true);
    }

    /** The first two hours of the chunk read: 500 rows, and with {@code chats} one chat queued a row. */
    private static List<LedgerTally> firstPage(boolean chats) {
        Bucket first = Bucket.of(OLD.start(), Duration.ofHours(1));
        return List.of(new LedgerTally(first, 250, chats ? 5 : 0), new LedgerTally(first.next(), 250, chats ? 250 : 0));
    }

    private static WindowCursor started() {
        return WindowCursor.fresh().startWindow(OLD.start(), OLD.end()).nextPage(500);
    }

    @Test
    void theTaskWithTheChatsGetsMostOfTheBudgetOnceTheLedgersShowThem() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>();
        TaskDealer.Deal first = dealer.deal(List.of(CHATS, SMS), 2, cursors::get, NOW);
        assertEquals(List.of(225.0, 225.0), first.targets(), "nothing read yet: one unit behind each");
        cursors.put(CHATS, started());
        cursors.put(SMS, started());
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.equals(CHATS));
        Instant later = NOW.plus(Duration.ofMinutes(1));
        Optional<String> reason = dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, ledgers, later);
        assertTrue(reason.isPresent());
        TaskDealer.Deal next = dealer.deal(List.of(CHATS, SMS), 2, cursors::get, ledgers, later);
        int chats = next.plan().groups().indexOf(List.of(CHATS));
        assertTrue(next.targets().get(chats) > 440, "the chats' task: " + next.targets());
        assertEquals(450.0, next.targets().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void aTaskThatFinishedWithLittleOfTheBudgetRestartsNoTask() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>(Map.of(CHATS, started(), SMS, started(), CALLS, started()));
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.equals(CHATS));
        TaskDealer.Deal deal = dealer.deal(List.of(CHATS, SMS, CALLS), 3, cursors::get, ledgers, NOW);
        assertTrue(deal.targets().stream().filter(share -> share <= 3).count() == 2, deal.targets().toString());
        cursors.put(SMS, WindowCursor.fresh().unitFinished());
        Instant later = NOW.plus(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS, CALLS), cursors::get, ledgers, later),
                "the finished task held 3 of 450");
    }

    @Test
    void aTaskThatFinishedWithMuchOfTheBudgetIsDealtAgainOnceTheIntervalHasPassed() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>();
        dealer.deal(List.of(CHATS, SMS), 2, cursors::get, NOW);
        cursors.put(SMS, WindowCursor.fresh().unitFinished());
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS), cursors::get, NOW.plusSeconds(30)),
                "inside the interval");
        Optional<String> reason = dealer.reasonToDealAgain(List.of(CHATS), cursors::get, NOW.plusSeconds(60));
        assertTrue(reason.orElse("").startsWith("the units of a task have all finished"), reason.toString());
    }

    @Test
    void withFixedSharesAFinishedTaskIsDealtAgainAtOnce() {
        TaskDealer dealer = new TaskDealer(new DemandEstimator(HISTORY, SETTLE, Duration.ofMinutes(1)), 450,
                Duration.ZERO, false);
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>();
        dealer.deal(List.of(CHATS, SMS), 2, cursors::get, NOW);
        cursors.put(SMS, WindowCursor.fresh().unitFinished());
        assertEquals(Optional.of("the units of a task have all finished"),
                dealer.reasonToDealAgain(List.of(CHATS), cursors::get, NOW.plusSeconds(1)));
    }
}
