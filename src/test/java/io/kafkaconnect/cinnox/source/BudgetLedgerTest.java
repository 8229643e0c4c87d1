package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.poll.MinuteClock;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.RecordMaker;
import io.kafkaconnect.cinnox.poll.RefusalNotice;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Two tasks on two workers (two rate budgets) lend through the offsets they publish, read back through a
 * JSON round trip as from Connect's offsets topic; a task of the next generation honours its predecessor's
 * loans.
 */
class BudgetLedgerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:10Z");
    private static final long M = NOW.toEpochMilli() / 60_000;

    private final MinuteClock clock = new MinuteClock(NOW);
    private final InMemoryOffsets offsets = new InMemoryOffsets();

    private static CinnoxTaskConfig task(int index, int count, String generation, double share, boolean lending) {
        return CinnoxTaskConfig.parse(props(index, count, generation, share, lending));
    }

    private static Map<String, String> props(int index, int count, String generation, double share) {
        return props(index, count, generation, share, true);
    }

    static Map<String, String> props(int index, int count, String generation, double share, boolean lending) {
        Map<String, String> props = new HashMap<>();
        props.put(CinnoxSourceConfig.BASE_URL_CONFIG, "http://127.0.0.1:9");
        props.put(CinnoxSourceConfig.APP_ID_CONFIG, "app-1");
        props.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, "token-1");
        props.put("history.start", "2026-01-01T00:00:00Z");
        props.put(CinnoxSourceConfig.SHARE_LENDING_CONFIG, Boolean.toString(lending));
        Map<String, String> taskProps = CinnoxTaskConfig.taskProps(props, List.of(), share, Instant.EPOCH);
        return CinnoxTaskConfig.withPlace(taskProps, new CinnoxTaskConfig.Place(index, count, generation));
    }

    private BudgetLedger ledger(CinnoxTaskConfig task, RateBudget.Lease lease) {
        return ledger(task, lease, clock, offsets);
    }

    /** A task's budget ledger on {@code offsets}, as the task starts it (the predecessor's loans inherited). */
    static BudgetLedger ledger(CinnoxTaskConfig task, RateBudget.Lease lease, java.time.Clock clock,
            InMemoryOffsets offsets) {
        RecordMaker maker = new RecordMaker(task.connector(), clock, new ConversionIssues(), new TaskStats());
        BudgetLedger ledger = new BudgetLedger(task.place(), (long) task.requestsPerMinute(),
                (long) task.targetRequestsPerMinute(), lease, offsets, maker, clock);
        ledger.inherit();
        return ledger;
    }

    private void publish(BudgetLedger ledger) {
        publish(ledger, offsets);
    }

    /** One tick of the ledger, its state (if it wrote one) committed as a worker would. */
    static void publish(BudgetLedger ledger, InMemoryOffsets offsets) {
        ledger.tick();
        SourceRecord record = ledger.take();
        if (record != null) {
            offsets.commit(List.of(record));
        }
    }

    @Test
    void anIdleTaskLendsItsSpareToABusyTaskOnAnotherWorker() {
        RateBudget idleWorker = new RateBudget("key", clock);
        RateBudget busyWorker = new RateBudget("key", clock);
        RateBudget.Lease idleLease = idleWorker.join(300);
        RateBudget.Lease busyLease = busyWorker.join(150);
        BudgetLedger idle = ledger(task(0, 2, "g1", 300, true), idleLease);
        BudgetLedger busy = ledger(task(1, 2, "g1", 150, true), busyLease);
        publish(idle);
        assertEquals(idleWorker.id(), BudgetState.fromOffset(offsets.offset(BudgetState.partition(0))).pool(),
                "the state names the JVM budget the task draws on");
        assertEquals(300.0, idleWorker.capIn(M + 5), 1e-9, "nothing lent before it has counted its use a while");
        clock.toMinute(M + 1);
        long m = M + 1;
        for (int i = 0; i < 30; i++) {
            busyLease.tryAcquire(Duration.ZERO);
        }
        publish(busy);
        publish(idle);
        assertEquals(10.0, idleWorker.capIn(m), 1e-9, "held back from the decision, before it is published");
        publish(busy);
        assertEquals(150.0, busyWorker.capIn(m + 1), 1e-9, "not usable before its first minute");
        assertEquals(440.0, busyWorker.capIn(m + 2), 1e-9);
        for (long minute = m; minute <= m + 6; minute++) {
            assertTrue(idleWorker.capIn(minute) + busyWorker.capIn(minute) <= 450, "minute " + minute);
        }
        BudgetState published = BudgetState.fromOffset(offsets.offset(BudgetState.partition(0)));
        assertEquals(List.of(new Loan(1, 290, m + 2, m + 3, "g1")), published.loans());
        SourceRecord none = idle.take();
        assertNull(none, "a state is published once");
    }

    @Test
    void aTaskGrowsToItsTargetOnlyOnceEveryOtherIndexRunsATaskOfItsGeneration() {
        RateBudget worker = new RateBudget("key", clock);
        RateBudget other = new RateBudget("key", clock);
        CinnoxTaskConfig busy = CinnoxTaskConfig.parse(CinnoxTaskConfig.withTarget(props(0, 3, "g2", 133), 398));
        BudgetLedger growing = ledger(busy, worker.join(133));
        offsets.put(BudgetState.partition(1), new BudgetState("g1", 200, 0, false, M, List.of()).toOffset());
        publish(ledger(task(2, 3, "g2", 2, true), other.join(2)));
        publish(growing);
        assertEquals(133.0, worker.capIn(M), 1e-9, "index 1 still shows the old generation");
        publish(ledger(task(1, 3, "g2", 2, true), other.join(2)));
        publish(growing);
        assertEquals(398.0, worker.capIn(M), 1e-9, "every index runs generation g2: the old tasks have stopped");
    }

    @Test
    void theStateRecordGoesToTheHeartbeatTopicOnItsOwnPartition() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger ledger = ledger(task(2, 3, "g1", 100, true), worker.join(100));
        ledger.tick();
        SourceRecord record = ledger.take();
        assertNotNull(record);
        assertEquals("cinnox.heartbeat", record.topic());
        assertEquals(Map.of(BudgetState.PARTITION_KEY, "2"), record.sourcePartition());
        assertEquals("cinnox.budget/2", record.key());
    }

    @Test
    void theNextGenerationHonoursThePredecessorsLoansUpToItsShareWhateverTheSettings() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetState lent = new BudgetState("g1", 300, 0, false, M,
                List.of(new Loan(1, 290, M + 2, M + 3, "g1")));
        offsets.put(BudgetState.partition(0), lent.toOffset());
        clock.toMinute(M + 1);
        RateBudget.Lease lease = worker.join(200);
        BudgetLedger successor = BudgetLedger.start(task(0, 2, "g2", 200, false), lease, offsets,
                new RecordMaker(task(0, 2, "g2", 200, false).connector(), clock, new ConversionIssues(),
                        new TaskStats()), clock);
        assertNotNull(successor);
        assertEquals(0.0, worker.capIn(M + 4), 1e-9, "its whole share, until the loan's last minute + 1");
        assertEquals(200.0, worker.capIn(M + 5), 1e-9);
        assertNull(successor.take(), "lending off: nothing is published");
        successor.close();
    }

    @Test
    void aTaskConfiguredBeforeTasksKnewTheirPlaceHasNoLedger() {
        Map<String, String> props = new HashMap<>();
        props.put(CinnoxSourceConfig.BASE_URL_CONFIG, "http://127.0.0.1:9");
        props.put(CinnoxSourceConfig.APP_ID_CONFIG, "app-1");
        props.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, "token-1");
        props.put("history.start", "2026-01-01T00:00:00Z");
        CinnoxTaskConfig old = CinnoxTaskConfig.parse(CinnoxTaskConfig.taskProps(props, List.of(), 100, Instant.EPOCH));
        assertNull(BudgetLedger.start(old, new RateBudget("key", clock).join(100), offsets, null, clock));
    }

    @Test
    void aRefusedTokenReachesTheOtherTasksAtTheirNextReadButNotATaskStartedAfterIt() {
        BudgetLedger refused = ledger(task(0, 3, "g1", 150, true), new RateBudget("key", clock).join(150));
        BudgetLedger idle = ledger(task(1, 3, "g1", 150, true), new RateBudget("key", clock).join(150));
        publish(refused);
        idle.readStep();
        assertTrue(idle.refusals().isEmpty());
        idle.take();
        clock.set(NOW.plusSeconds(1));
        SourceRecord state = refused.announceRefusal(clock.millis());
        assertNotNull(state);
        assertEquals(clock.millis(), BudgetState.fromOffset(state.sourceOffset()).refusedAt());
        offsets.commit(List.of(state));
        idle.readStep();
        assertEquals(List.of(new RefusalNotice(0, clock.millis())), idle.refusals(),
                "the read between two rounds looks for refusals");
        assertNull(idle.take(), "and publishes nothing");

        refused.tick();
        SourceRecord next = refused.take();
        assertTrue(next == null || BudgetState.fromOffset(next.sourceOffset()).refusedAt() == clock.millis(),
                "a later state keeps saying the token was refused");
        clock.set(NOW.plusSeconds(2));
        BudgetLedger restarted = ledger(task(1, 3, "g1", 150, true), new RateBudget("key", clock).join(150));
        restarted.tick();
        assertTrue(restarted.refusals().isEmpty(), "a task started after the refusal (a new token) is not told");
        publish(ledger(task(0, 3, "g1", 150, true), new RateBudget("key", clock).join(150)));
        idle.tick();
        assertTrue(idle.refusals().isEmpty(), "the refused task, restarted, publishes its state without the refusal");
    }

    @Test
    void aTaskThatPublishesNoLedgerCannotAnnounceARefusal() {
        BudgetLedger alone = BudgetLedger.start(task(0, 2, "g1", 100, false), new RateBudget("key", clock).join(100),
                offsets, new RecordMaker(task(0, 2, "g1", 100, false).connector(), clock, new ConversionIssues(),
                        new TaskStats()), clock);
        assertNotNull(alone);
        assertNull(alone.announceRefusal(clock.millis()), "lending off: no ledger to tell the others through");
        alone.close();
    }
}
