package io.kafkaconnect.cinnox.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a daily unit resumes: the day its main pass reads next, the days still inside the lookback with the
 * totals last emitted for them, and the sweep that re-reads those days. Immutable; every transition returns
 * a new cursor.
 *
 * @param main the main pass window (one day); not fixed (start == end) between days
 * @param tracked days emitted while their totals may still change, by key
 * @param sweep the day being re-read; not fixed when no sweep runs
 * @param lastSweepAt when the last sweep finished, epoch ms, 0 = never
 * @param done whether the unit has nothing left to do
 */
public record DailyCursor(PagedWindow main, TrackedRecords tracked, PagedWindow sweep, long lastSweepAt,
        boolean done) implements RangeCursor<DailyCursor> {

    public DailyCursor {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(sweep, "sweep");
        if (lastSweepAt < 0) {
            throw new IllegalArgumentException("Cursor times, limits and offsets must not be negative");
        }
    }

    /** The cursor of a unit nothing was read for yet. */
    public static DailyCursor fresh() {
        return new DailyCursor(PagedWindow.NONE, TrackedRecords.NONE, PagedWindow.NONE, 0, false);
    }

    @Override
    public int pendingChildren() {
        return 0;
    }

    /** Always empty: a day is always inside CINNOX's widest window. */
    @Override
    public Optional<Duration> windowLimit() {
        return Optional.empty();
    }

    @Override
    public DailyCursor withMain(PagedWindow window) {
        return new DailyCursor(window, tracked, sweep, lastSweepAt, done);
    }

    /** Whether a sweep window is being read. */
    public boolean sweeping() {
        return sweep.fixed();
    }

    /** Tracks (or updates) record {@code id} emitted in a non-final state at {@code version}. */
    public DailyCursor track(String id, String version, Instant windowTime) {
        return new DailyCursor(main, tracked.track(id, version, windowTime), sweep, lastSweepAt, done);
    }

    /** Stops tracking {@code id}, for example when its record reached a final state. */
    public DailyCursor untrack(String id) {
        return new DailyCursor(main, tracked.untrack(id), sweep, lastSweepAt, done);
    }

    /** Stops tracking every record whose window time is before {@code horizon} (now minus the lookback). */
    public DailyCursor expireTracked(Instant horizon) {
        return new DailyCursor(main, tracked.expire(horizon), sweep, lastSweepAt, done);
    }

    /** Starts re-reading {@code [start, end)} from offset 0; no sweep may be running. */
    public DailyCursor startSweep(Instant start, Instant end) {
        if (sweeping()) {
            throw new IllegalStateException("Sweep " + sweep + " is still running");
        }
        return new DailyCursor(main, tracked, PagedWindow.of(start, end), lastSweepAt, done);
    }

    /** Moves past a page of {@code readCount} records of the sweep window. */
    public DailyCursor sweepPageRead(int readCount) {
        return new DailyCursor(main, tracked, sweep.pageRead(readCount), lastSweepAt, done);
    }

    /** Ends the running sweep, which finished at {@code at}. */
    public DailyCursor sweepFinished(Instant at) {
        sweep.requireFixed();
        return new DailyCursor(main, tracked, PagedWindow.NONE, at.toEpochMilli(), done);
    }

    /** Marks the unit done: the connector stops assigning it. */
    public DailyCursor unitFinished() {
        return new DailyCursor(main, tracked, sweep, lastSweepAt, true);
    }

    @Override
    public Map<String, Object> toOffset() {
        return DailyCursorCodec.toOffset(this);
    }

    /**
     * Reads a source offset; null or empty means a fresh cursor.
     *
     * @throws IllegalArgumentException when the offset is malformed or written by a newer format version
     */
    public static DailyCursor fromOffset(Map<String, ?> offset) {
        return DailyCursorCodec.fromOffset(offset);
    }
}
