package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.report.Report;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Publishes a task's {@link CinnoxMetric}s: the counters of its {@link TaskStats}, read as they are, its share,
 * loans and use of the account's request budget, read from its lease, and the lag and backfill progress of each
 * report, computed from the units' cursors; all only when a reporter reads them, so the poll loop pays nothing.
 */
public final class TaskMetrics {

    private TaskMetrics() {
    }

    /** Adds the task's metrics; close the result when the task stops. */
    public static PluginGauges register(PluginMetrics metrics, TaskProgress progress, RateBudget.Lease budget) {
        PluginGauges gauges = new PluginGauges(metrics);
        addCounters(gauges, progress.stats());
        addBudget(gauges, budget);
        for (Report report : progress.reports()) {
            addReport(gauges, progress, report);
        }
        return gauges;
    }

    private static void addCounters(PluginGauges gauges, TaskStats stats) {
        gauges.add(CinnoxMetric.REQUESTS_SENT, stats::requests);
        gauges.add(CinnoxMetric.REQUESTS_THROTTLED, stats::throttled);
        gauges.add(CinnoxMetric.RATE_LIMITED, stats::rateLimitedAnswers);
        gauges.add(CinnoxMetric.RETRIES, stats::retries);
        gauges.add(CinnoxMetric.HEARTBEATS, stats::heartbeats);
        gauges.add(CinnoxMetric.RECORDS_WITHOUT_KEY, stats::recordsWithoutKey);
        gauges.add(CinnoxMetric.PAGE_DRIFTS, stats::pageDrifts);
        gauges.add(CinnoxMetric.LATE_CHILD_RETRIES, stats::lateChildRetries);
        gauges.add(CinnoxMetric.LATE_RECORDINGS, stats::lateRecordings);
        gauges.add(CinnoxMetric.RECORDINGS_GIVEN_UP, stats::recordingsGivenUp);
        gauges.add(CinnoxMetric.CHATS_GIVEN_UP, stats::chatsGivenUp);
    }

    /**
     * The values the lease applies: its share, and what its loans hold out and give in the budget's current
     * clock minute ({@link io.kafkaconnect.cinnox.budget.LoanView}), and the use its {@code MinuteUsage} counted.
     */
    private static void addBudget(PluginGauges gauges, RateBudget.Lease budget) {
        gauges.add(CinnoxMetric.REQUESTS_SHARE, budget::share);
        gauges.add(CinnoxMetric.REQUESTS_LENT, () -> budget.loans().heldOut(budget.minuteNow(), budget.share()));
        gauges.add(CinnoxMetric.REQUESTS_BORROWED, () -> budget.loans().borrowedIn(budget.minuteNow()));
        gauges.add(CinnoxMetric.REQUESTS_LAST_MINUTE, () -> budget.usage(budget.minuteNow()).usedLastMinute());
    }

    private static void addReport(PluginGauges gauges, TaskProgress progress, Report report) {
        TaskStats stats = progress.stats();
        gauges.add(CinnoxMetric.RECORDS, PluginGauges.reportTags(report), () -> stats.records(report));
        gauges.add(CinnoxMetric.LATE_ROWS, PluginGauges.reportTags(report), () -> stats.lateRows(report));
        if (progress.hasUnits(report)) {
            gauges.add(CinnoxMetric.LAG_SECONDS, PluginGauges.reportTags(report),
                    () -> progress.of(report).lag().getSeconds());
            gauges.add(CinnoxMetric.BACKFILL_PROGRESS, PluginGauges.reportTags(report),
                    () -> progress.of(report).backfill());
        }
    }
}
