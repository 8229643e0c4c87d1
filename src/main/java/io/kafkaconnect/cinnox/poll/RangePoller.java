package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.DailyCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The polling core of units read over a time range (windowed and daily reports). It decides once per
 * step what is due (child work, a sweep, the next window, finishing) and keeps the cursor; which range
 * to ask comes from the {@link WindowPlanner}, how the rows of an answer advance the cursor from the
 * subclass.
 */
abstract class RangePoller implements UnitPoller {

    /** What a unit does next. */
    private sealed interface Next {
    }

    private record Child() implements Next {
    }

    private record Sweep() implements Next {
    }

    private record Read(TimeWindowPlan<DailyCursor> plan) implements Next {
    }

    private record Finish() implements Next {
    }

    private record Wait(Instant until) implements Next {
    }

    protected final WorkUnit unit;
    protected final TimeRange range;
    protected final PollContext ctx;
    private final WindowPlanner planner;
    private final StepRecords.Heartbeats heartbeats;
    private final Sweeps sweeps;
    protected volatile DailyCursor cursor;

    RangePoller(WorkUnit unit, DailyCursor cursor, PollContext ctx, WindowPlanner planner) {
        this.unit = unit;
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.ctx = ctx;
        this.planner = planner;
        this.cursor = cursor;
        this.heartbeats = ctx.heartbeats();
        this.sweeps = new Sweeps(ctx.lookback(), ctx.sweepInterval(), ctx.clock().instant());
    }

    /** Reads one page of the window {@code plan} fixes. */
    protected abstract List<SourceRecord> readWindow(TimeWindowPlan<DailyCursor> plan, Instant now);

    /** Reads one page of the sweep window {@code current} fixes; {@code before} is the cursor before the step. */
    protected abstract List<SourceRecord> readSweep(DailyCursor before, DailyCursor current, Instant now);

    /** Where a sweep starting at {@code from} ends. */
    protected abstract Instant sweepEnd(DailyCursor cursor, Instant from);

    /** Reads one page of the first pending child; only units whose records have children have any. */
    protected List<SourceRecord> readChild() {
        throw new IllegalStateException(unit + " has no child work");
    }

    /** Called once the unit finished; nothing by default. */
    protected void finished() {
    }

    @Override
    public final WorkUnit unit() {
        return unit;
    }

    public final DailyCursor cursor() {
        return cursor;
    }

    @Override
    public final Instant dueAt(Instant now) {
        Next next = next(now);
        return next instanceof Wait wait ? wait.until() : now;
    }

    @Override
    public final List<SourceRecord> step(Instant now) {
        Next next = next(now);
        if (next instanceof Child) {
            return readChild();
        }
        if (next instanceof Sweep) {
            return sweep(now);
        }
        if (next instanceof Read read) {
            return readWindow(read.plan(), now);
        }
        if (next instanceof Finish) {
            return finish(now);
        }
        return List.of();
    }

    @Override
    public final boolean isLive(Instant now) {
        return unit.chunk().end().isAfter(now.minus(ctx.settle()));
    }

    @Override
    public final MainPass mainPass() {
        return MainPass.of(range, cursor);
    }

    private Next next(Instant now) {
        if (cursor.done()) {
            return new Wait(NEVER);
        }
        if (cursor.pendingChildren() > 0) {
            return new Child();
        }
        Instant sweepAt = sweeps.nextAt(cursor, now);
        if (cursor.sweeping() || !sweepAt.isAfter(now)) {
            return new Sweep();
        }
        WindowPlan<DailyCursor> plan = planner.plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan<DailyCursor> window) {
            return new Read(window);
        }
        if (plan instanceof WindowPlan.NotDue<DailyCursor> notDue) {
            return new Wait(notDue.dueAt().isBefore(sweepAt) ? notDue.dueAt() : sweepAt);
        }
        return sweeps.anyLive(cursor, now) ? new Wait(sweepAt) : new Finish();
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
    }

    /** Builds the step's records (each once, the last with the cursor after the step) and moves the cursor. */
    protected final List<SourceRecord> commit(StepRecords out, DailyCursor before, DailyCursor after, boolean mustKeep) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, before, after, heartbeats, mustKeep);
        cursor = after;
        return records;
    }
}
