package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.CinnoxMetric;
import io.kafkaconnect.cinnox.metrics.TaskMetrics;
import io.kafkaconnect.cinnox.metrics.TaskProgress;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.poll.MinuteClock;
import io.kafkaconnect.cinnox.poll.RateBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a task's share of the request budget, its loans and its use show in its metrics: with lending off, with
 * the loans of the task it replaced, alone, and lending to a task on another worker through the budget ledger.
 */
class BudgetMetricsTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:10Z");
    private static final long M = NOW.toEpochMilli() / 60_000;

    private final MinuteClock clock = new MinuteClock(NOW);
    private final InMemoryOffsets offsets = new InMemoryOffsets();
    private final Metrics registry = new Metrics();

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private static Map<String, String> tags(int task) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "cinnox");
        tags.put("task", Integer.toString(task));
        return tags;
    }

    private PluginMetrics pluginMetrics(int task) {
        return new PluginMetricsImpl(registry, tags(task));
    }

    private Object metric(int task, CinnoxMetric metric) {
        KafkaMetric found = registry.metric(new MetricName(metric.metricName(), "plugins", "", tags(task)));
        return found == null ? null : found.metricValue();
    }

    /** Starts a task without units on {@code worker}, with the share its configuration gives. */
    private CinnoxSourceTask start(Map<String, String> props, RateBudget worker) {
        CinnoxSourceTask task = new CinnoxSourceTask(clock, clock::advance, CinnoxClient::new,
                (key, share) -> worker.join(share));
        int index = CinnoxTaskConfig.parse(props).place().index();
        task.initialize(offsets.context(props, pluginMetrics(index)));
        task.start(props);
        return task;
    }

    @Test
    void withLendingOffTheShareIsTheConfiguredOneAndNothingIsLentOrBorrowed() {
        offsets.put(BudgetState.partition(0), new BudgetState("g1", 300, 0, false, M,
                List.of(new Loan(1, 100, M, M + 2, "g1"))).toOffset());
        Map<String, String> props = CinnoxTaskConfig.withTarget(BudgetLedgerTest.props(1, 2, "g1", 150, false), 300);
        CinnoxSourceTask task = start(props, new RateBudget("key", clock));
        assertEquals(150.0, metric(1, CinnoxMetric.REQUESTS_SHARE), "not its target: it does not grow");
        assertEquals(0.0, metric(1, CinnoxMetric.REQUESTS_LENT));
        assertEquals(0L, metric(1, CinnoxMetric.REQUESTS_BORROWED), "a loan addressed to it is not used");
        assertEquals(0L, metric(1, CinnoxMetric.REQUESTS_LAST_MINUTE));
        task.stop();
        assertNull(metric(1, CinnoxMetric.REQUESTS_SHARE), "removed when the task stops");
    }

    @Test
    void theLoansOfTheTaskItReplacedShowAsLentUntilTheirGuardMinuteWhateverTheSettings() {
        offsets.put(BudgetState.partition(1), new BudgetState("g0", 300, 0, false, M,
                List.of(new Loan(0, 120, M + 2, M + 3, "g0"))).toOffset());
        clock.toMinute(M + 1);
        CinnoxSourceTask task = start(BudgetLedgerTest.props(1, 2, "g1", 150, false), new RateBudget("key", clock));
        assertEquals(120.0, metric(1, CinnoxMetric.REQUESTS_LENT));
        clock.toMinute(M + 4);
        assertEquals(120.0, metric(1, CinnoxMetric.REQUESTS_LENT), "through the loan's last minute + 1");
        clock.toMinute(M + 5);
        assertEquals(0.0, metric(1, CinnoxMetric.REQUESTS_LENT));
        assertEquals(150.0, metric(1, CinnoxMetric.REQUESTS_SHARE));
        task.stop();
    }

    @Test
    void aTaskAloneShowsItsTargetAtOnce() {
        Map<String, String> props = CinnoxTaskConfig.withTarget(BudgetLedgerTest.props(0, 1, "g1", 150, true), 450);
        CinnoxSourceTask task = start(props, new RateBudget("key", clock));
        assertEquals(450.0, metric(0, CinnoxMetric.REQUESTS_SHARE), "no other task to wait for");
        task.stop();
    }

    @Test
    void aLoanShowsAsLentByTheLenderAtOnceAndAsBorrowedByTheBorrowerInItsMinutes() {
        RateBudget.Lease idleLease = new RateBudget("key", clock).join(300);
        RateBudget.Lease busyLease = new RateBudget("key", clock).join(150);
        register(0, idleLease);
        register(1, busyLease);
        BudgetLedger idle = ledger(0, 300, idleLease);
        BudgetLedger busy = ledger(1, 150, busyLease);
        publish(idle);
        clock.toMinute(M + 1);
        for (int i = 0; i < 30; i++) {
            busyLease.tryAcquire(Duration.ZERO);
        }
        publish(busy);
        publish(idle);
        publish(busy);
        assertEquals(290.0, metric(0, CinnoxMetric.REQUESTS_LENT), "held from the decision, before it is usable");
        assertEquals(0L, metric(1, CinnoxMetric.REQUESTS_BORROWED));
        clock.toMinute(M + 3);
        assertEquals(290L, metric(1, CinnoxMetric.REQUESTS_BORROWED));
        assertEquals(150.0, metric(1, CinnoxMetric.REQUESTS_SHARE), "a loan comes on top of the share");
        assertEquals(300.0, metric(0, CinnoxMetric.REQUESTS_SHARE), "and is kept out of the lender's");
        assertEquals(0L, metric(0, CinnoxMetric.REQUESTS_LAST_MINUTE), "the lender sent nothing");
        clock.toMinute(M + 5);
        assertEquals(0L, metric(1, CinnoxMetric.REQUESTS_BORROWED), "the loan ended after minute M + 4");
        assertEquals(290.0, metric(0, CinnoxMetric.REQUESTS_LENT), "the lender's guard minute");
        clock.toMinute(M + 6);
        assertEquals(0.0, metric(0, CinnoxMetric.REQUESTS_LENT));
    }

    private void register(int index, RateBudget.Lease lease) {
        TaskProgress progress = new TaskProgress(List.of(), new TaskStats(), clock, Duration.ZERO, List.of());
        TaskMetrics.register(pluginMetrics(index), progress, lease);
    }

    private BudgetLedger ledger(int index, double share, RateBudget.Lease lease) {
        return BudgetLedgerTest.ledger(CinnoxTaskConfig.parse(BudgetLedgerTest.props(index, 2, "g1", share, true)),
                lease, clock, offsets);
    }

    private void publish(BudgetLedger ledger) {
        BudgetLedgerTest.publish(ledger, offsets);
    }
}
