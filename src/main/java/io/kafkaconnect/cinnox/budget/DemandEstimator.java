package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Estimates what a task needs from the budget from the stored offsets of its units, which is all the
 * connector can see of the tasks: a unit is behind when its cursor trails the settled time by more than a
 * few poll intervals or it holds more child work than a live window brings; a caught-up unit needs about
 * one request per poll interval plus one a minute for sweeps and children. Pure.
 */
public final class DemandEstimator {

    /** More pending children than a live window of a busy account brings in a minute. */
    static final int BUSY_PENDING_CHILDREN = 20;
    /** A caught-up unit trails the settled time by up to one poll interval; a few more is a backlog. */
    static final int BUSY_POLL_INTERVALS = 3;

    private final Instant historyStart;
    private final Duration settle;
    private final Duration pollInterval;

    public DemandEstimator(Instant historyStart, Duration settle, Duration pollInterval) {
        this.historyStart = historyStart;
        this.settle = settle;
        this.pollInterval = pollInterval.isZero() ? Duration.ofMillis(1) : pollInterval;
    }

    /**
     * The demand of a task holding {@code units}.
     *
     * @param cursors the stored cursor of a unit; null when none is stored (nothing read yet)
     */
    public TaskDemand of(List<WorkUnit> units, Function<WorkUnit, UnitCursor> cursors, Instant now) {
        int live = 0;
        int behind = 0;
        for (WorkUnit unit : units) {
            UnitCursor cursor = cursors.apply(unit);
            if (cursor != null && cursor.done()) {
                continue;
            }
            live += liveRate(unit);
            if (behind(unit, cursor, now)) {
                behind++;
            }
        }
        return new TaskDemand(Math.max(1, live), behind);
    }

    /** Whether the unit has more to read than its live polls bring: a backlog of windows or of children. */
    public boolean behind(WorkUnit unit, UnitCursor cursor, Instant now) {
        if (unit.chunk() == null || cursor != null && cursor.done()) {
            return false;
        }
        if (cursor != null && cursor.pendingChildren() > BUSY_PENDING_CHILDREN) {
            return true;
        }
        TimeRange range = TimeRange.of(unit, historyStart);
        Instant settled = now.minus(settle);
        Instant end = range.end().isBefore(settled) ? range.end() : settled;
        long position = cursor == null ? 0 : cursor.windowStart();
        Instant from = Instant.ofEpochMilli(Math.max(position, range.start().toEpochMilli()));
        Duration slack = pollInterval.multipliedBy(BUSY_POLL_INTERVALS);
        if (unit.report().kind() == Report.Kind.DAILY) {
            slack = slack.plus(Duration.ofDays(1));
        }
        return Duration.between(from, end).compareTo(slack) > 0;
    }

    /** Requests per minute a caught-up unit needs: its polls, and one for sweeps and children. */
    int liveRate(WorkUnit unit) {
        if (unit.chunk() == null || unit.report().kind() == Report.Kind.DAILY) {
            return 1;
        }
        long pollsPerMinute = (Duration.ofMinutes(1).toMillis() + pollInterval.toMillis() - 1) / pollInterval.toMillis();
        return (int) Math.min(60, pollsPerMinute) + 1;
    }
}
