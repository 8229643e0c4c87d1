package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Estimates what a task needs from the budget from the stored offsets of its units, which is all the
 * connector can see of the tasks: a unit is behind when its cursor trails the settled time by more than a
 * few poll intervals or it holds more child work than a live window brings; a caught-up unit needs about
 * one request per poll interval plus one a minute for sweeps and children. A unit behind weighs the
 * requests it has left ({@link BacklogEstimate}), so the task holding most of the work gets most of the rest.
 */
public final class DemandEstimator {

    /** More pending children than a live window of a busy account brings in a minute. */
    static final int BUSY_PENDING_CHILDREN = 20;
    /** A caught-up unit trails the settled time by up to one poll interval; a few more is a backlog. */
    static final int BUSY_POLL_INTERVALS = 3;

    private final Instant historyStart;
    private final Duration settle;
    private final Duration pollInterval;
    private final BacklogEstimate backlog;

    public DemandEstimator(Instant historyStart, Duration settle, Duration pollInterval) {
        this(historyStart, settle, pollInterval, null);
    }

    /** @param backlog sizes the units behind in requests; null counts each unit behind as one */
    public DemandEstimator(Instant historyStart, Duration settle, Duration pollInterval, BacklogEstimate backlog) {
        this.backlog = backlog;
        this.historyStart = historyStart;
        this.settle = settle;
        this.pollInterval = pollInterval.isZero() ? Duration.ofMillis(1) : pollInterval;
    }

    /**
     * The demand of a task holding {@code units}, its backlog counted in units (see {@link #combine} for the
     * backlog weighed in requests).
     *
     * @param cursors the stored cursor of a unit; null when none is stored (nothing read yet)
     */
    public TaskDemand of(List<WorkUnit> units, Function<WorkUnit, UnitCursor> cursors, Instant now) {
        return combine(List.of(units(units, cursors, unit -> List.of(), now))).get(0);
    }

    /** What one unit needs: its live rate, whether it is behind and, when known, the requests it has left. */
    public record UnitDemand(int live, boolean behind, OptionalLong requestsLeft) {
    }

    /**
     * The demand of each unit of one task that is not done.
     *
     * @param cursors the stored cursor of a unit; null when none is stored (nothing read yet)
     * @param ledgers the tallies of a unit's stored buckets; empty when none were read
     */
    public List<UnitDemand> units(List<WorkUnit> units, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        List<UnitDemand> demands = new ArrayList<>();
        for (WorkUnit unit : units) {
            UnitCursor cursor = cursors.apply(unit);
            if (cursor != null && cursor.done()) {
                continue;
            }
            boolean behind = behind(unit, cursor, now);
            OptionalLong left = behind && backlog != null
                    ? backlog.requestsLeft(unit, cursor, ledgers.apply(unit), now) : OptionalLong.empty();
            demands.add(new UnitDemand(liveRate(unit), behind, left));
        }
        return demands;
    }

    /**
     * Sizes every unit of {@code units} behind once, so that what each report's units showed (see
     * {@link BacklogEstimate}) is known before any task is weighed, whichever task holds them.
     */
    public void learn(List<WorkUnit> units, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        units(units, cursors, ledgers, now);
    }

    /**
     * The tasks' demands from their units' (by task index): each task's live rate is its caught-up units'
     * (a unit behind spends its requests on its backlog, which is weighed instead: counting its live rate too
     * gave a task with a small backlog a few requests a minute more than its backlog's part, and it finished
     * early while its share then idled); each task's backlog weighs the requests its units behind have left;
     * a unit behind whose size is not known yet weighs the mean of those known, or 1 when none is (so with
     * nothing known, tasks weigh their units behind, one each).
     */
    public static List<TaskDemand> combine(List<List<UnitDemand>> tasks) {
        long known = 0;
        long sized = 0;
        for (List<UnitDemand> units : tasks) {
            for (UnitDemand unit : units) {
                if (unit.behind() && unit.requestsLeft().isPresent()) {
                    known += unit.requestsLeft().getAsLong();
                    sized++;
                }
            }
        }
        long unknown = sized == 0 ? 1 : Math.max(1, Math.round((double) known / sized));
        List<TaskDemand> demands = new ArrayList<>();
        for (List<UnitDemand> units : tasks) {
            int live = units.stream().filter(unit -> !unit.behind()).mapToInt(UnitDemand::live).sum();
            List<UnitDemand> behind = units.stream().filter(UnitDemand::behind).toList();
            long requests = behind.stream().mapToLong(u -> Math.max(1, u.requestsLeft().orElse(unknown))).sum();
            demands.add(new TaskDemand(Math.max(1, live), behind.size(), requests));
        }
        return demands;
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
