package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The shape every poller shares: one decision of what is due ({@link #next}), from which {@link #dueAt},
 * {@link #step} and {@link #nextStep} all follow, kept apart from the reads that advance the typed cursor, and
 * one commit that builds a step's records (each once, the last with the cursor after the step) and moves it.
 *
 * @param <C> the unit kind's cursor
 */
abstract class CursorPoller<C extends UnitCursor> implements UnitPoller {

    /** What a unit does next: read now, or wait. */
    protected sealed interface Next permits Read, Wait {
    }

    /** Read now: one request, whose rows advance the cursor; {@code kind} says how the step runs. */
    protected record Read(Supplier<List<SourceRecord>> read, Supplier<StepKind> kind) implements Next {

        /** A read that sends its request itself. */
        Read(Supplier<List<SourceRecord>> read) {
            this(read, () -> StepKind.REQUEST);
        }
    }

    /** Nothing to read before {@code until} ({@link #NEVER} when finished). */
    protected record Wait(Instant until) implements Next {
    }

    protected final WorkUnit unit;
    protected final PollContext ctx;
    protected final StepRecords.Heartbeats heartbeats;
    protected volatile C cursor;

    CursorPoller(WorkUnit unit, C cursor, PollContext ctx) {
        this.unit = unit;
        this.ctx = ctx;
        this.cursor = cursor;
        this.heartbeats = ctx.heartbeats();
    }

    /** What is due at {@code now}: which request to send, or until when to wait. */
    protected abstract Next next(Instant now);

    @Override
    public final WorkUnit unit() {
        return unit;
    }

    public final C cursor() {
        return cursor;
    }

    @Override
    public final Instant dueAt(Instant now) {
        return next(now) instanceof Wait wait ? wait.until() : now;
    }

    /** Called at the start of every step, before the decision; nothing by default. */
    protected void beforeStep(Instant now) {
    }

    @Override
    public final List<SourceRecord> step(Instant now) {
        beforeStep(now);
        return next(now) instanceof Read read ? read.read().get() : List.of();
    }

    @Override
    public final StepKind nextStep(Instant now) {
        return next(now) instanceof Read read ? read.kind().get() : StepKind.REQUEST;
    }

    /** Builds the step's records (each once, the last with the cursor after the step) and moves the cursor. */
    protected final List<SourceRecord> commit(StepRecords out, C before, C after, boolean mustKeep) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, before, after, heartbeats, mustKeep);
        cursor = after;
        return records;
    }
}
