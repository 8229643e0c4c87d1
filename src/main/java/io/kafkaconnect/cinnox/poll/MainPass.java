package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import java.time.Instant;

/**
 * Where a unit's main pass stands, for the lag and backfill metrics and the progress log. A chunked unit
 * has read everything of its range before {@code position}; a snapshot unit has no range, and its position
 * is its last complete read (or when the task started, before the first).
 *
 * @param range the unit's range; null for a snapshot unit
 * @param position the first instant of the range not read yet, inside the range
 * @param done for a chunked unit whether the unit is finished, for a snapshot unit whether it was read once
 */
public record MainPass(TimeRange range, Instant position, boolean done) {

    static MainPass of(TimeRange range, UnitCursor cursor) {
        Instant at = Instant.ofEpochMilli(cursor.windowStart());
        Instant position = at.isBefore(range.start()) ? range.start() : at.isAfter(range.end()) ? range.end() : at;
        return new MainPass(range, position, cursor.done());
    }

    public static MainPass snapshot(Instant lastReadOrStart, boolean readOnce) {
        return new MainPass(null, lastReadOrStart, readOnce);
    }

    public boolean isSnapshot() {
        return range == null;
    }

    /** Whether the main pass read its whole range; sweeps of records that may change can go on. */
    public boolean finished() {
        return done || !position.isBefore(range.end());
    }

    /** Milliseconds of the range before {@code settled}: what the main pass can read by now. */
    public long settledMs(Instant settled) {
        return spanMs(range.start(), earliest(range.end(), settled));
    }

    /** Milliseconds of the range before {@code settled} the main pass has read. */
    public long readMs(Instant settled) {
        return done ? settledMs(settled) : spanMs(range.start(), earliest(position, settled));
    }

    private static long spanMs(Instant from, Instant to) {
        return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
