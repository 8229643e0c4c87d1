package io.kafkaconnect.cinnox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.budget.LoanView;
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
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's share, loans and use of the request budget, as a reporter reads them from its lease at fixed clock
 * minutes.
 */
class BudgetMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:10Z");
    private static final long M = NOW.toEpochMilli() / 60_000;
    private static final Map<String, String> TAGS = Map.of("connector", "cinnox", "task", "3");

    private final MinuteClock clock = new MinuteClock(NOW);
    private final Metrics registry = new Metrics();
    private final RateBudget worker = new RateBudget("key", clock);

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private PluginGauges register(RateBudget.Lease lease) {
        TaskProgress progress = new TaskProgress(List.of(), new TaskStats(), clock, Duration.ZERO, List.of());
        return TaskMetrics.register(new PluginMetricsImpl(registry, TAGS), progress, lease);
    }

    private Object value(CinnoxMetric metric) {
        MetricName name = new MetricName(metric.metricName(), "plugins", "", new LinkedHashMap<>(TAGS));
        KafkaMetric found = registry.metric(name);
        return found == null ? null : found.metricValue();
    }

    @Test
    void theShareLoansAndUseFollowTheLeaseMinuteByMinute() {
        RateBudget.Lease task = worker.join(150);
        // Another task of the JVM with a large share keeps the pace fast, so the permits below come at once.
        worker.join(1_000_000);
        PluginGauges gauges = register(task);
        assertEquals(150.0, value(CinnoxMetric.REQUESTS_SHARE));
        assertEquals(0.0, value(CinnoxMetric.REQUESTS_LENT));
        assertEquals(0L, value(CinnoxMetric.REQUESTS_BORROWED));
        assertEquals(0L, value(CinnoxMetric.REQUESTS_LAST_MINUTE));

        task.setLoans(new LoanView(List.of(new Loan(1, 40, M + 2, M + 3, "g")),
                List.of(new Loan(3, 25, M + 1, M + 2, "g"))));
        for (int i = 0; i < 7; i++) {
            assertTrue(task.tryAcquire(Duration.ofSeconds(1)), "permit " + i);
        }
        assertEquals(40.0, value(CinnoxMetric.REQUESTS_LENT), "held from the lender's decision, two minutes ahead");
        assertEquals(0L, value(CinnoxMetric.REQUESTS_BORROWED), "not usable before its first minute");
        assertEquals(0L, value(CinnoxMetric.REQUESTS_LAST_MINUTE), "the current minute is not full yet");

        clock.toMinute(M + 1);
        assertEquals(7L, value(CinnoxMetric.REQUESTS_LAST_MINUTE));
        assertEquals(25L, value(CinnoxMetric.REQUESTS_BORROWED));
        task.growTo(200);
        assertEquals(200.0, value(CinnoxMetric.REQUESTS_SHARE), "grown to its target");

        clock.toMinute(M + 3);
        assertEquals(0L, value(CinnoxMetric.REQUESTS_LAST_MINUTE), "nothing taken in minute M + 2");
        assertEquals(0L, value(CinnoxMetric.REQUESTS_BORROWED), "the loan ended after minute M + 2");
        assertEquals(40.0, value(CinnoxMetric.REQUESTS_LENT));
        clock.toMinute(M + 4);
        assertEquals(40.0, value(CinnoxMetric.REQUESTS_LENT), "held through the loan's last minute + 1");
        clock.toMinute(M + 5);
        assertEquals(0.0, value(CinnoxMetric.REQUESTS_LENT));

        gauges.close();
        assertNull(value(CinnoxMetric.REQUESTS_SHARE), "removed when the task stops");
    }

    @Test
    void aTaskNeverShowsMoreLentThanItsShare() {
        RateBudget.Lease task = worker.join(30);
        task.setLoans(new LoanView(List.of(new Loan(1, 40, M + 2, M + 3, "g")), List.of()));
        register(task);
        assertEquals(30.0, value(CinnoxMetric.REQUESTS_LENT), "what the budget keeps out: at most the share");
        assertEquals(30.0, value(CinnoxMetric.REQUESTS_SHARE));
    }
}
