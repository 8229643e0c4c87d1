package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final Chunk NEXT = Chunk.containing(NOW.minus(Duration.ofDays(13)), Duration.ofDays(7));
    private static final WorkUnit MORE_CHATS = new WorkUnit("app", Report.ENQUIRY_DETAIL, NEXT);

    private static TaskDealer dealer() {
        DemandEstimator estimator = new DemandEstimator(HISTORY, SETTLE, Duration.ofMinutes(1),
                new BacklogEstimate(HISTORY, SETTLE, 500));
        return new TaskDealer(estimator, 450, Duration.ofMinutes(1), false, true);
    }

    /** The first two hours of the chunk read: 500 rows, and with {@code chats} one chat queued a row. */
    private static List<LedgerTally> firstPage(boolean chats) {
        return firstPage(OLD, chats);
    }

    /**
     * The first two hours of {@code chunk} read: 500 rows, and with {@code chats} one chat queued a row, so
     * about 41,500 chats and 83 pages are left in the chunk.
     */
    private static List<LedgerTally> firstPage(Chunk chunk, boolean chats) {
        Bucket first = Bucket.of(chunk.start(), Duration.ofHours(1));
        return List.of(new LedgerTally(first, 250, chats ? 5 : 0), new LedgerTally(first.next(), 250, chats ? 250 : 0));
    }

    private static WindowCursor started() {
        return started(OLD);
    }

    private static WindowCursor started(Chunk chunk) {
        return WindowCursor.fresh().startWindow(chunk.start(), chunk.end()).nextPage(500);
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
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>(Map.of(CHATS, started(), MORE_CHATS, started(NEXT)));
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.chunk(), true);
        TaskDealer.Deal first = dealer.deal(List.of(CHATS, MORE_CHATS), 2, cursors::get, ledgers, NOW);
        assertEquals(List.of(225.0, 225.0), first.targets(), "two chunks of chats, ~41,800 requests left each");
        cursors.put(MORE_CHATS, WindowCursor.fresh().unitFinished());
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS), cursors::get, ledgers, NOW.plusSeconds(30)),
                "inside the interval, and the first deal was not blind");
        Optional<String> reason = dealer.reasonToDealAgain(List.of(CHATS), cursors::get, ledgers, NOW.plusSeconds(60));
        assertTrue(reason.orElse("").startsWith("the units of a task have all finished"), reason.toString());
    }

    @Test
    void aTaskThatFinishedWhenLittleIsLeftIsNotDealtAgain() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>(Map.of(CHATS, started(), MORE_CHATS, started(NEXT)));
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.chunk(), true);
        dealer.deal(List.of(CHATS, MORE_CHATS), 2, cursors::get, ledgers, NOW);
        cursors.put(MORE_CHATS, WindowCursor.fresh().unitFinished());
        WindowCursor nearlyDone = WindowCursor.fresh().startWindow(OLD.end().minus(Duration.ofHours(2)), OLD.end());
        cursors.put(CHATS, nearlyDone);
        Bucket last = Bucket.of(OLD.end().minus(Duration.ofHours(3)), Duration.ofHours(1));
        Function<WorkUnit, List<LedgerTally>> little = unit -> List.of(new LedgerTally(last, 3_000, 40));
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS), cursors::get, little, NOW.plusSeconds(60)),
                "222 a minute would move for under 100 requests left: the restart costs more");
    }

    @Test
    void aBlindFirstDealIsDealtAgainOnceEarlyWhenTheLedgersSizeEveryUnitBehind() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>();
        assertEquals(List.of(225.0, 225.0), dealer.deal(List.of(CHATS, SMS), 2, cursors::get, NOW).targets());
        cursors.put(CHATS, started());
        cursors.put(SMS, started());
        assertFalse(dealer.checkDue(NOW.plusSeconds(19)));
        assertTrue(dealer.earlyCheck(NOW.plusSeconds(20)));
        Function<WorkUnit, List<LedgerTally>> onlyChats = unit -> unit.equals(CHATS) ? firstPage(true) : List.of();
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, onlyChats,
                NOW.plusSeconds(20)), "the SMS unit has stored no row yet: its size is a guess");

        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.equals(CHATS));
        Instant early = NOW.plusSeconds(30);
        Optional<String> reason = dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, ledgers, early);
        assertTrue(reason.orElse("").startsWith("the first deal was blind"), reason.toString());
        TaskDealer.Deal next = dealer.deal(List.of(CHATS, SMS), 2, cursors::get, ledgers, early);
        assertTrue(next.targets().get(next.plan().groups().indexOf(List.of(CHATS))) > 440, next.targets().toString());

        assertFalse(dealer.earlyCheck(early.plusSeconds(10)), "once only");
        Function<WorkUnit, List<LedgerTally>> swapped = unit -> firstPage(unit.equals(SMS));
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, swapped,
                early.plusSeconds(59)), "then the interval, from the early deal");
        assertTrue(dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, swapped, early.plusSeconds(60)).isPresent());
    }

    @Test
    void aBlindFirstDealThatTheLedgersShowRightIsNoLongerWatched() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>();
        dealer.deal(List.of(CHATS, MORE_CHATS), 2, cursors::get, NOW);
        cursors.put(CHATS, started());
        cursors.put(MORE_CHATS, started(NEXT));
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.chunk(), true);
        assertTrue(dealer.earlyCheck(NOW.plusSeconds(20)));
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS, MORE_CHATS), cursors::get, ledgers,
                NOW.plusSeconds(20)), "two chunks alike: the even split was right");
        assertFalse(dealer.earlyCheck(NOW.plusSeconds(30)), "the connector reads once a minute again");
        assertFalse(dealer.checkDue(NOW.plusSeconds(59)));
    }

    @Test
    void aFirstDealOverStoredCursorsIsNotDealtAgainEarlyEvenWhenItWeighedGuesses() {
        TaskDealer dealer = dealer();
        Map<WorkUnit, UnitCursor> cursors = new HashMap<>(Map.of(CHATS, started(), SMS, started()));
        assertEquals(List.of(225.0, 225.0), dealer.deal(List.of(CHATS, SMS), 2, cursors::get, NOW).targets());
        assertFalse(dealer.earlyCheck(NOW.plusSeconds(20)), "tasks ran before this deal: it may have a predecessor");
        Function<WorkUnit, List<LedgerTally>> ledgers = unit -> firstPage(unit.equals(CHATS));
        assertEquals(Optional.empty(), dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, ledgers,
                NOW.plusSeconds(30)));
        assertTrue(dealer.reasonToDealAgain(List.of(CHATS, SMS), cursors::get, ledgers, NOW.plusSeconds(60)).isPresent());
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
