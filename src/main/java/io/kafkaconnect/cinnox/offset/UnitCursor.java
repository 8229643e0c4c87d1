package io.kafkaconnect.cinnox.offset;

import io.kafkaconnect.cinnox.report.Report;
import java.util.Map;

/**
 * Where a unit of work resumes, as the connector and the task dealer see every kind of unit: finished or
 * not, where its main pass stands, how much child work waits. Each kind of unit has a typed cursor with its
 * codec beside it ({@link WindowCursor}, {@link DailyCursor}, {@link SnapshotCursor}); all three write the
 * same version 1 offset keys (see {@link CursorFormat}), so offsets written by earlier releases load.
 */
public sealed interface UnitCursor permits RangeCursor, SnapshotCursor {

    /** Whether the unit has nothing left to do: the connector stops assigning it. */
    boolean done();

    /** The first instant of the main pass not read yet, epoch ms; 0 for units without a main pass. */
    long windowStart();

    /** How many pieces of child work wait in the cursor itself. */
    int pendingChildren();

    /** The source offset. */
    Map<String, Object> toOffset();

    /** The cursor of a unit of {@code kind} nothing was read for yet. */
    static UnitCursor fresh(Report.Kind kind) {
        return fromOffset(kind, null);
    }

    /**
     * Reads the source offset of a unit of {@code kind}; null or empty means a fresh cursor.
     *
     * @throws IllegalArgumentException when the offset is malformed, written by a newer format version, or
     *         {@code kind} has no units of its own
     */
    static UnitCursor fromOffset(Report.Kind kind, Map<String, ?> offset) {
        return switch (kind) {
            case WINDOWED -> WindowCursor.fromOffset(offset);
            case DAILY -> DailyCursor.fromOffset(offset);
            case SNAPSHOT -> SnapshotCursor.fromOffset(offset);
            case CHILD -> throw new IllegalArgumentException("Child reports have no units and no offsets of their own");
        };
    }
}
