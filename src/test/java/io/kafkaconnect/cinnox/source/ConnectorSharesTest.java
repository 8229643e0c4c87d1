package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.ShareHandover;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.Ledger;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.poll.MinuteClock;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector moves request shares to the tasks with work: it reads the units' offsets every minute (every
 * 10 s while its blind first deal is watched) and asks Connect for new task configurations when a task's
 * units finish or the demand moves the split, and the move pays for restarting the tasks.
 */
class ConnectorSharesTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration SETTLE = Duration.ofMinutes(30);
    /** Weekly chunks on the 1970 grid start on Thursdays: 2025-12-25, 2026-01-01 and the live 2026-01-08. */
    private static final Chunk LIVE = Chunk.containing(T0, Duration.ofDays(7));

    private final MinuteClock clock = new MinuteClock(T0);
    private final InMemoryOffsets offsets = new InMemoryOffsets();
    private int reconfigurations;
    private CinnoxSourceConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.stop();
        }
    }

    private void start(long checkIntervalMs) {
        start(checkIntervalMs, false);
    }

    private void start(long checkIntervalMs, boolean lending) {
        Map<String, String> props = new HashMap<>();
        props.put("requests.share.lending", Boolean.toString(lending));
        props.put("cinnox.base.url", "https://example.invalid");
        props.put("cinnox.app.id", "app");
        props.put("cinnox.app.token", "token");
        props.put("reports", "call-log");
        props.put("history.start", "2025-12-25T00:00:00Z");
        props.put("window.settle.ms", Long.toString(SETTLE.toMillis()));
        props.put("requests.per.minute", "400");
        props.put("requests.share.check.interval.ms", Long.toString(checkIntervalMs));
        connector = new CinnoxSourceConnector(clock);
        connector.initialize(context(offsets));
        connector.start(props);
    }

    private List<CinnoxTaskConfig> taskConfigs() {
        return connector.taskConfigs(2).stream().map(CinnoxTaskConfig::parse).toList();
    }

    private static List<Double> shares(List<CinnoxTaskConfig> tasks) {
        return tasks.stream().map(CinnoxTaskConfig::requestsPerMinute).toList();
    }

    private static List<Double> targets(List<CinnoxTaskConfig> tasks) {
        return tasks.stream().map(CinnoxTaskConfig::targetRequestsPerMinute).toList();
    }

    private static WorkUnit unit(Chunk chunk) {
        return new WorkUnit("app", Report.CALL_LOG, chunk);
    }

    /** Time passes, the live unit stays caught up, and the connector runs its check. */
    private void checkAfter(Duration elapsed) {
        clock.advance(elapsed);
        caughtUp(unit(LIVE));
        connector.checkTasks();
    }

    private void caughtUp(WorkUnit unit) {
        Instant next = clock.instant().minus(SETTLE).minusSeconds(30);
        offsets.put(unit.toPartition(), WindowCursor.fresh().startWindow(next.minusSeconds(60), next).windowFinished()
                .toOffset());
    }

    /**
     * With lending on, tasks publish budget states, so a task can see that every task of its generation has
     * started: the busy task gets its target with the first reconfiguration and grows to it itself.
     */
    @Test
    void withLendingTheBusyTaskGrowsToItsTargetWithoutASecondReconfiguration() {
        start(Duration.ofMinutes(2).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        List<CinnoxTaskConfig> first = taskConfigs();
        assertEquals(targets(first), shares(first), "the first generation starts at its targets");

        clock.advance(Duration.ofMinutes(3));
        offsets.put(unit(middle).toPartition(), WindowCursor.fresh().unitFinished().toOffset());
        caughtUp(unit(LIVE));
        firstDayRead(oldest, BUSY_HOUR);
        connector.checkTasks();
        assertEquals(1, reconfigurations, "the second task's units have all finished");
        List<CinnoxTaskConfig> second = taskConfigs();
        assertEquals(List.of(2.0, 134.0), shares(second), "the idle task shrinks first");
        assertEquals(List.of(2.0, 398.0), targets(second), "the busy one may grow once the old tasks have gone");
        assertTrue(ShareHandover.worstMix(targets(first), shares(second)) <= 400);

        for (int minute = 0; minute < 5; minute++) {
            checkAfter(Duration.ofMinutes(1));
        }
        assertEquals(1, reconfigurations, "the split matches the demand: no second restart");
    }

    @Test
    void whenOneTasksUnitsFinishTheBusyTaskGetsTheirShareInTwoSafeSteps() {
        start(Duration.ofMinutes(2).toMillis());
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        List<CinnoxTaskConfig> first = taskConfigs();
        assertEquals(List.of(List.of(unit(LIVE), unit(oldest)), List.of(unit(middle))),
                first.stream().map(CinnoxTaskConfig::units).toList());
        assertEquals(List.of(266.0, 134.0), shares(first), "all three units are behind: shares by units behind");
        connector.checkTasks();
        assertEquals(0, reconfigurations, "nothing changed");

        clock.advance(Duration.ofMinutes(3));
        offsets.put(unit(middle).toPartition(), WindowCursor.fresh().unitFinished().toOffset());
        caughtUp(unit(LIVE));
        firstDayRead(oldest, BUSY_HOUR);
        connector.checkTasks();
        assertEquals(1, reconfigurations, "the second task's units have all finished");
        List<CinnoxTaskConfig> second = taskConfigs();
        assertEquals(List.of(List.of(unit(LIVE)), List.of(unit(oldest))),
                second.stream().map(CinnoxTaskConfig::units).toList());
        assertEquals(List.of(2.0, 134.0), shares(second), "the idle task shrinks first; nothing is free to grow yet");
        assertTrue(ShareHandover.worstMix(shares(first), shares(second)) <= 400);

        checkAfter(Duration.ofMinutes(1));
        assertEquals(1, reconfigurations, "not before the check interval has passed");

        checkAfter(Duration.ofMinutes(1));
        assertEquals(2, reconfigurations, "the busy task may now take what the idle one gave");
        List<CinnoxTaskConfig> third = taskConfigs();
        assertEquals(List.of(2.0, 398.0), shares(third));
        assertTrue(ShareHandover.worstMix(shares(second), shares(third)) <= 400);

        checkAfter(Duration.ofMinutes(5));
        assertEquals(2, reconfigurations, "the split matches the demand: no more restarts");
    }

    /**
     * Calls an hour of a busy account: a chunk whose first day holds this many a hour has 288,000 calls
     * (576 pages) left after it, 1.4 minutes of the 400 a minute, enough for a move of 70 a minute or more
     * to pay for the restart.
     */
    private static final int BUSY_HOUR = 2_000;
    /**
     * The targets when the middle chunk (task 1) has 576 pages left and the oldest (task 0, beside the live
     * unit) 1: each task keeps the live rate of its caught-up units (2 for the live unit; task 1, whose only
     * unit is behind, the least, 1), and the other 397 go 1 : 576 by largest remainder.
     */
    private static final double TARGET_0 = 3.0;
    private static final double TARGET_1 = 397.0;

    /** {@code rows} rows in each of the first 24 hourly buckets of {@code chunk}, as a task stores them. */
    private void firstDayRead(Chunk chunk, int rows) {
        offsets.put(unit(chunk).toPartition(), WindowCursor.fresh().startWindow(chunk.start(), chunk.end())
                .nextPage(500).toOffset());
        Bucket bucket = Bucket.of(chunk.start(), Duration.ofHours(1));
        for (int hour = 0; hour < 24; hour++, bucket = bucket.next()) {
            Map<Long, Ledger.Mark> marks = new HashMap<>();
            for (long row = 0; row < rows; row++) {
                marks.put(row * 31 + hour, new Ledger.Mark(1, false));
            }
            BucketState state = new BucketState(Ledger.EMPTY.with(marks), List.of(), 0);
            offsets.put(bucket.partition(unit(chunk).toPartition()), state.toOffset());
        }
    }

    /** The connector reads the ledgers the tasks store and gives the rest of the budget where most rows are left. */
    @Test
    void theTaskWhoseLedgersShowTheMostLeftGetsMostOfTheRest() {
        start(Duration.ofMinutes(1).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        assertEquals(List.of(266.0, 134.0), targets(taskConfigs()), "nothing read yet: by units behind");

        clock.advance(Duration.ofMinutes(2));
        caughtUp(unit(LIVE));
        firstDayRead(middle, BUSY_HOUR);
        firstDayRead(oldest, 2);
        connector.checkTasks();
        assertEquals(1, reconfigurations);
        List<CinnoxTaskConfig> second = taskConfigs();
        assertEquals(List.of(List.of(unit(LIVE), unit(oldest)), List.of(unit(middle))),
                second.stream().map(CinnoxTaskConfig::units).toList(), "the units stay on their tasks");
        // 288,000 rows left in the middle chunk (576 pages), 288 in the oldest (1 page).
        assertEquals(List.of(TARGET_0, TARGET_1), targets(second));
        assertTrue(ShareHandover.worstMix(List.of(266.0, 134.0), shares(second)) <= 400);
    }

    /**
     * The same move with both tasks in one worker JVM, as their budget states show: they pool their shares, so
     * moving budget between them brings nothing and the tasks are not restarted for it.
     */
    @Test
    void aMoveBetweenTasksOfOneWorkerJvmIsNotWorthRestartingThem() {
        checkWithTasksIn("jvm-a", "jvm-a");
        assertEquals(0, reconfigurations, "one JVM: nothing to gain");
    }

    /** In two JVMs, as their states show, the same move restarts the tasks. */
    @Test
    void theSameMoveBetweenTwoWorkerJvmsRestartsThem() {
        checkWithTasksIn("jvm-a", "jvm-b");
        assertEquals(1, reconfigurations, "two JVMs");
    }

    /** The move of {@link #theTaskWhoseLedgersShowTheMostLeftGetsMostOfTheRest}, the tasks' states naming these pools. */
    private void checkWithTasksIn(String pool0, String pool1) {
        start(Duration.ofMinutes(1).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        String generation = taskConfigs().get(0).place().generation();
        List<String> pools = List.of(pool0, pool1);
        for (int index = 0; index < 2; index++) {
            BudgetState state = new BudgetState(generation, 100, 100, true, 0, List.of()).withPool(pools.get(index));
            offsets.put(BudgetState.partition(index), state.toOffset());
        }
        clock.advance(Duration.ofMinutes(2));
        caughtUp(unit(LIVE));
        firstDayRead(middle, BUSY_HOUR);
        firstDayRead(oldest, 2);
        connector.checkTasks();
    }

    /**
     * The same split with 200 calls an hour: 59 requests are left, 9 seconds of the budget, and restarting
     * every task to move 256 a minute would cost more than it brings.
     */
    @Test
    void aBacklogNearlyReadIsNotWorthRestartingTheTasks() {
        start(Duration.ofMinutes(1).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        taskConfigs();
        clock.advance(Duration.ofMinutes(2));
        caughtUp(unit(LIVE));
        firstDayRead(middle, 200);
        firstDayRead(oldest, 2);
        connector.checkTasks();
        assertEquals(0, reconfigurations);
    }

    /**
     * The first deal is blind (nothing read); 20 s after it, once the ledgers size every unit behind, the
     * connector re-splits once without waiting for the check interval, reading every 10 s meanwhile; then
     * the interval counts from that re-split.
     */
    @Test
    void theBlindFirstDealIsReplacedOnceAsSoonAsEveryUnitBehindIsSized() {
        start(Duration.ofMinutes(1).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        List<CinnoxTaskConfig> first = taskConfigs();
        assertEquals(List.of(266.0, 134.0), targets(first), "nothing read yet: by units behind");

        clock.advance(Duration.ofSeconds(10));
        caughtUp(unit(LIVE));
        firstDayRead(middle, BUSY_HOUR);
        connector.checkTasks();
        assertEquals(0, reconfigurations, "10 s after the first deal: too early");
        clock.advance(Duration.ofSeconds(10));
        connector.checkTasks();
        assertEquals(1, reconfigurations, "20 s after the first deal, every unit behind is sized (the oldest, which has "
                + "read nothing, by its report's density)");
        List<CinnoxTaskConfig> second = taskConfigs();
        assertNotEquals(targets(first), targets(second), "the sized split replaces the blind one");
        assertTrue(ShareHandover.worstMix(List.of(266.0, 134.0), shares(second)) <= 400);

        firstDayRead(middle, 2);
        firstDayRead(oldest, BUSY_HOUR);
        for (int step = 0; step < 11; step++) {
            checkAfter(Duration.ofSeconds(5));
        }
        assertEquals(1, reconfigurations, "once only: the interval counts from the early re-split, 55 s ago");
        checkAfter(Duration.ofSeconds(5));
        assertEquals(2, reconfigurations, "the work moved to the oldest unit, and the interval has passed");
    }

    /**
     * Under Connect's default offset flush of 60 s the first sizes show up after the check interval: the
     * connector, still reading every 10 s, re-splits within seconds of them instead of at its next
     * once-a-minute read.
     */
    @Test
    void withTheDefaultFlushTheFirstReSplitFollowsTheFirstSizesWithinSeconds() {
        start(Duration.ofMinutes(1).toMillis(), true);
        Chunk middle = Chunk.containing(T0.minus(Duration.ofDays(7)), Duration.ofDays(7));
        Chunk oldest = Chunk.containing(T0.minus(Duration.ofDays(14)), Duration.ofDays(7));
        taskConfigs();
        for (int step = 0; step < 13; step++) {
            clock.advance(Duration.ofSeconds(5));
            connector.checkTasks();
        }
        assertEquals(0, reconfigurations, "65 s: nothing flushed yet");
        caughtUp(unit(LIVE));
        firstDayRead(middle, BUSY_HOUR);
        firstDayRead(oldest, 2);
        clock.advance(Duration.ofSeconds(5));
        connector.checkTasks();
        assertEquals(1, reconfigurations, "70 s, at the first read after the sizes were flushed");
        assertEquals(List.of(TARGET_0, TARGET_1), targets(taskConfigs()));
    }

    @Test
    void withoutChecksTheSplitFollowsOnlyTheLiveWork() {
        start(0);
        assertEquals(List.of(267.0, 133.0), shares(taskConfigs()), "two live units on the first task, one on the second");
        checkAfter(Duration.ofMinutes(10));
        assertEquals(0, reconfigurations);
    }

    private SourceConnectorContext context(OffsetStorageReader reader) {
        return new SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public void requestTaskReconfiguration() {
                reconfigurations++;
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }
}
