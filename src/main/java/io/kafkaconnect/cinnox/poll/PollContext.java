package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.LateChildPolicy;
import io.kafkaconnect.cinnox.ledger.LateSettings;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.PageLimits;
import io.kafkaconnect.cinnox.client.PageLimitsApi;
import io.kafkaconnect.cinnox.report.ReportFormats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What every unit poller of a task shares: the API, formats, record maker, planner, clock and settings. */
public record PollContext(CinnoxApi api, ReportFormats formats, ChildReader children, RecordMaker maker, TaskStats stats,
        Clock clock, WindowPlanner planner, Instant historyStart, int pageSize, boolean windowEndInclusive,
        Duration lookback, Duration sweepInterval, Duration heartbeatInterval, Duration snapshotRefresh,
        Duration settle, LateSettings late, LateChildPolicy lateChildren, int maxInFlight) {

    /** Sweep windows stay within one day, so a sweep never meets CINNOX's maximum query days. */
    static final Duration SWEEP_WINDOW_MAX = Duration.ofDays(1);

    /**
     * The context of a task; {@code api} is wrapped so that a page CINNOX cut short below the {@code limit} asked
     * is not taken as the last one (see {@link PageLimits}), judged in the configured {@code page.limit.scope}.
     */
    public static PollContext of(CinnoxTaskConfig task, CinnoxApi api, ReportFormats formats, RecordMaker maker,
            TaskStats stats, Clock clock) {
        CinnoxSourceConfig config = task.connector();
        CinnoxApi paged = new PageLimitsApi(api, new PageLimits(config.pageLimitScope(), stats::pageFollowUp));
        return new PollContext(paged, formats,
                new ChildReader(paged, formats, config.pageSize(), java.util.EnumSet.copyOf(config.reports())),
                maker, stats, clock, new WindowPlanner(config.settle(), config.queryWindowMax(), config.pollInterval()),
                task.historyStart(), config.pageSize(), config.windowEndInclusive(), config.lookback(),
                config.sweepInterval(), config.heartbeatInterval(), config.snapshotRefresh(), config.settle(),
                config.lateSettings(), config.lateChildPolicy(), config.maxInFlightRequests());
    }

    /** The same context with another window planner (one bound to a unit's endpoint). */
    PollContext withPlanner(WindowPlanner other) {
        return new PollContext(api, formats, children, maker, stats, clock, other, historyStart, pageSize,
                windowEndInclusive, lookback, sweepInterval, heartbeatInterval, snapshotRefresh, settle, late,
                lateChildren, maxInFlight);
    }

    StepRecords.Heartbeats heartbeats() {
        return new StepRecords.Heartbeats(heartbeatInterval, clock);
    }
}
