package io.kafkaconnect.cinnox.offset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a snapshot unit (reference data) resumes: when it was last read completely, the version last
 * emitted of every entry, and the channel types still to read in the read under way. A snapshot unit is
 * never done; it reads again once per refresh interval. Immutable; every transition returns a new cursor.
 *
 * @param children channel types still to read in this read, and the page offset inside the first
 * @param tracked entry id -> version last emitted, and when
 * @param lastSnapshotAt when the last read completed, epoch ms, 0 = never
 */
public record SnapshotCursor(ChildWork children, TrackedRecords tracked, long lastSnapshotAt) implements UnitCursor {

    public SnapshotCursor {
        Objects.requireNonNull(children, "children");
        Objects.requireNonNull(tracked, "tracked");
        if (lastSnapshotAt < 0) {
            throw new IllegalArgumentException("Cursor times, limits and offsets must not be negative");
        }
    }

    /** The cursor of a unit nothing was read for yet. */
    public static SnapshotCursor fresh() {
        return new SnapshotCursor(ChildWork.NONE, TrackedRecords.NONE, 0);
    }

    /** Never: reference data is read again every refresh interval. */
    @Override
    public boolean done() {
        return false;
    }

    /** 0: a snapshot unit has no main pass over time. */
    @Override
    public long windowStart() {
        return 0;
    }

    @Override
    public int pendingChildren() {
        return children.pending().size();
    }

    /** Child ids (channel types) still to read, in order. */
    public List<String> pending() {
        return children.pending();
    }

    /** The page offset inside the first pending child. */
    public long childOffset() {
        return children.offset();
    }

    /** Records the child ids found in the type list, to read in order; no child work may be pending. */
    public SnapshotCursor withPending(List<String> ids) {
        return new SnapshotCursor(children.found(ids), tracked, lastSnapshotAt);
    }

    /** Moves past a page of {@code readCount} records of the first pending child. */
    public SnapshotCursor childPageRead(int readCount) {
        return new SnapshotCursor(children.pageRead(readCount), tracked, lastSnapshotAt);
    }

    /** Drops the first pending child, whose records are all read (or skipped). */
    public SnapshotCursor childFinished() {
        return new SnapshotCursor(children.finished(), tracked, lastSnapshotAt);
    }

    /** Tracks (or updates) entry {@code id} emitted at {@code version}. */
    public SnapshotCursor track(String id, String version, Instant at) {
        return new SnapshotCursor(children, tracked.track(id, version, at), lastSnapshotAt);
    }

    /** Records that the snapshot was read completely at {@code at}. */
    public SnapshotCursor snapshotTaken(Instant at) {
        return new SnapshotCursor(children, tracked, at.toEpochMilli());
    }

    @Override
    public Map<String, Object> toOffset() {
        return SnapshotCursorCodec.toOffset(this);
    }

    /**
     * Reads a source offset; null or empty means a fresh cursor.
     *
     * @throws IllegalArgumentException when the offset is malformed or written by a newer format version
     */
    public static SnapshotCursor fromOffset(Map<String, ?> offset) {
        return SnapshotCursorCodec.fromOffset(offset);
    }
}
