package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The shape the pollers of daily and snapshot units share: one decision of what is due ({@link #next}),
 * from which both {@link #dueAt} and {@link #step} follow, kept apart from the reads that advance the typed
 * cursor, and one commit that builds a step's records (each once, the last with the cursor after the step)
 * and moves the cursor.
 *
 * @param <C> the unit kind's cursor
 */
abstract class CursorPoller<C extends UnitCursor> implements UnitPoller {

    /** What a unit does next: read now, or wait. */
    protected sealed interface Next permits Read, Wait {
    }

    /** Read now: one request, whose rows advance the cursor. */
    protected record Read(Supplier<List<SourceRecord>> read) implements Next {
    }

    /** Nothing to read before {@code until} ({@link #NEVER} when finished). */
    protected record Wait(Instant until) implements Next {
    }

    protected final WorkUnit unit;
    protected final PollContext ctx;
    private final StepRecords.Heartbeats heartbeats;
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

    @Override
    public final List<SourceRecord> step(Instant now) {
        return next(now) instanceof Read read ? read.read().get() : List.of();
    }

    /** Builds the step's records (each once, the last with the cursor after the step) and moves the cursor. */
    protected final List<SourceRecord> commit(StepRecords out, C before, C after, boolean mustKeep) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, before, after, heartbeats, mustKeep);
        cursor = after;
        return records;
    }
}
