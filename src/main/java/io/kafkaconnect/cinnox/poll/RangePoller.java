package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.DailyCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The polling core of units read over a time range with tracked rows and sweeps (daily reports). It
 * decides once per step what is due (a sweep, the next window, finishing); which range to ask comes from
 * the {@link WindowPlanner}, how the rows of an answer advance the cursor from the subclass.
 */
abstract class RangePoller extends CursorPoller<DailyCursor> {

    protected final TimeRange range;
    private final WindowPlanner planner;
    private final Sweeps sweeps;

    RangePoller(WorkUnit unit, DailyCursor cursor, PollContext ctx, WindowPlanner planner) {
        super(unit, cursor, ctx);
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.planner = planner;
        this.sweeps = new Sweeps(ctx.lookback(), ctx.sweepInterval(), ctx.clock().instant());
    }

    /** Reads one page of the window {@code plan} fixes. */
    protected abstract List<SourceRecord> readWindow(TimeWindowPlan<DailyCursor> plan, Instant now);

    /** Reads one page of the sweep window {@code current} fixes; {@code before} is the cursor before the step. */
    protected abstract List<SourceRecord> readSweep(DailyCursor before, DailyCursor current, Instant now);

    /** Where a sweep starting at {@code from} ends. */
    protected abstract Instant sweepEnd(DailyCursor cursor, Instant from);

    /** Called once the unit finished; nothing by default. */
    protected void finished() {
    }

    @Override
    public final boolean isLive(Instant now) {
        return unit.chunk().end().isAfter(now.minus(ctx.settle()));
    }

    @Override
    public final MainPass mainPass() {
        return MainPass.of(range, cursor);
    }

    @Override
    protected final Next next(Instant now) {
        if (cursor.done()) {
            return new Wait(NEVER);
        }
        Instant sweepAt = sweeps.nextAt(cursor, now);
        if (cursor.sweeping() || !sweepAt.isAfter(now)) {
            return new Read(() -> sweep(now));
        }
        WindowPlan<DailyCursor> plan = planner.plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan<DailyCursor> window) {
            return new Read(() -> readWindow(window, now));
        }
        if (plan instanceof WindowPlan.NotDue<DailyCursor> notDue) {
            return new Wait(notDue.dueAt().isBefore(sweepAt) ? notDue.dueAt() : sweepAt);
        }
        return sweeps.anyLive(cursor, now) ? new Wait(sweepAt) : new Read(() -> finish(now));
    }

    /** Expires tracked records, fixes the sweep window if none is, and reads one page of it. */
    private List<SourceRecord> sweep(Instant now) {
        DailyCursor before = cursor.expireTracked(now.minus(ctx.lookback()));
        DailyCursor current = before;
        if (!current.sweeping()) {
            Optional<Instant> from = Sweeps.earliestTracked(current, Instant.MIN);
            if (from.isEmpty()) {
                return commit(new StepRecords(), cursor, current, false);
            }
            current = current.startSweep(from.get(), sweepEnd(current, from.get()));
        }
        cursor = current; // the sweep window is fixed from now on, so a too-wide answer halves this very window
        return readSweep(before, current, now);
    }

    /** After a sweep page: the next window holding tracked records, or the sweep is over at {@code now}. */
    protected final DailyCursor nextSweepWindow(DailyCursor after, Instant windowEnd, Instant now) {
        DailyCursor ended = after.sweepFinished(Instant.ofEpochMilli(after.lastSweepAt()));
        Optional<Instant> next = Sweeps.earliestTracked(ended, windowEnd);
        if (next.isEmpty()) {
            return after.sweepFinished(now);
        }
        return ended.startSweep(next.get(), sweepEnd(ended, next.get()));
    }

    private List<SourceRecord> finish(Instant now) {
        DailyCursor after = cursor.expireTracked(now.minus(ctx.lookback())).unitFinished();
        finished();
        return commit(new StepRecords(), cursor, after, true);
    }}
