package io.kafkaconnect.cinnox.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a unit of work resumes: the source offset stored with its records. Immutable; every transition
 * returns a new cursor. See docs/design/connector.md, "Cursor (the offset) of a windowed unit".
 *
 * @param main the main pass window; not fixed (start == end) between windows, positioned where the next starts
 * @param windowLimitMs the longest window the API accepted after a too-wide answer, 0 = the configured maximum
 * @param pending child ids still to read for the last page, in order
 * @param childOffset the page offset inside the first pending child
 * @param tracked id -> version of records emitted in a non-final state, in insertion order
 * @param sweep the sweep window being re-read; not fixed when no sweep runs
 * @param lastSweepAt when the last sweep finished, epoch ms, 0 = never
 * @param lastSnapshotAt when the last snapshot was read, epoch ms, 0 = never
 * @param done whether the unit has nothing left to do
 */
public record UnitCursor(PagedWindow main, long windowLimitMs, List<String> pending, long childOffset,
        Map<String, TrackedVersion> tracked, PagedWindow sweep, long lastSweepAt, long lastSnapshotAt,
        boolean done) {

    public UnitCursor {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(sweep, "sweep");
        pending = List.copyOf(pending);
        if (pending.stream().anyMatch(String::isEmpty) || tracked.containsKey("")) {
            throw new IllegalArgumentException("Child and tracked record ids must not be empty");
        }
        tracked = Collections.unmodifiableMap(new LinkedHashMap<>(tracked));
        if (windowLimitMs < 0 || childOffset < 0 || lastSweepAt < 0 || lastSnapshotAt < 0) {
            throw new IllegalArgumentException("Cursor times, limits and offsets must not be negative");
        }
        if (childOffset > 0 && pending.isEmpty()) {
            throw new IllegalArgumentException("Child offset " + childOffset + " without pending child work");
        }
    }

    /** The cursor of a unit nothing was read for yet. */
    public static UnitCursor fresh() {
        return new UnitCursor(PagedWindow.NONE, 0, List.of(), 0, Map.of(), PagedWindow.NONE, 0, 0, false);
    }

    public long windowStart() {
        return main.start();
    }

    public long windowEnd() {
        return main.end();
    }

    public long pageOffset() {
        return main.offset();
    }

    /** Whether a main window is fixed; paging goes on inside it until {@link #windowFinished()}. */
    public boolean windowFixed() {
        return main.fixed();
    }

    /** Whether a sweep window is being read. */
    public boolean sweeping() {
        return sweep.fixed();
    }

    /** Fixes the main window {@code [start, end)} at page offset 0; no window may be fixed and no child work pending. */
    public UnitCursor startWindow(Instant start, Instant end) {
        if (windowFixed()) {
            throw new IllegalStateException("Window " + main + " is still being read");
        }
        requireNoPending();
        return withMain(PagedWindow.of(start, end), windowLimitMs);
    }

    /** Moves past a page of {@code readCount} records of the fixed main window. */
    public UnitCursor nextPage(int readCount) {
        return withMain(main.pageRead(readCount), windowLimitMs);
    }

    /** Ends the fixed main window; the next one starts at its end. Child work must be done first. */
    public UnitCursor windowFinished() {
        requireNoPending();
        return withMain(main.finished(), windowLimitMs);
    }

    /**
     * Halves the fixed main window after the API said it was too wide: the window keeps its start, ends
     * halfway, is paged again from offset 0, and its new length becomes {@link #windowLimit()} for the rest
     * of the unit.
     *
     * @throws IllegalStateException when no window is fixed or it is shorter than 2 ms
     */
    public UnitCursor windowHalved() {
        long half = (main.requireFixed().end() - main.start()) / 2;
        if (half < 1) {
            throw new IllegalStateException("Window " + main + " is too short to halve");
        }
        requireNoPending();
        return withMain(new PagedWindow(main.start(), main.start() + half, 0), half);
    }

    /**
     * Narrows the fixed main window after the API said it was too wide: the window keeps its start, ends
     * {@code length} later (never later than it did), is paged again from offset 0, and {@code length} becomes
     * {@link #windowLimit()} for the rest of the unit.
     *
     * @throws IllegalStateException when no window is fixed, child work is pending or {@code length} is under 1 ms
     */
    public UnitCursor windowNarrowed(Duration length) {
        long start = main.requireFixed().start();
        long limit = Math.min(length.toMillis(), main.end() - start);
        if (limit < 1) {
            throw new IllegalStateException("Window " + main + " cannot be narrowed to " + length);
        }
        requireNoPending();
        return withMain(new PagedWindow(start, start + limit, 0), limit);
    }

    /** The window length learnt from too-wide answers; empty means the configured maximum applies. */
    public Optional<Duration> windowLimit() {
        return windowLimitMs == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(windowLimitMs));
    }

    /** Records the child ids found in the last page, to read in order; no child work may be pending. */
    public UnitCursor withPending(List<String> ids) {
        requireNoPending();
        return new UnitCursor(main, windowLimitMs, ids, 0, tracked, sweep, lastSweepAt, lastSnapshotAt, done);
    }

    /** Moves past a page of {@code readCount} records of the first pending child. */
    public UnitCursor childPageRead(int readCount) {
        if (pending.isEmpty() || readCount < 0) {
            throw new IllegalStateException("No pending child to page, or negative count " + readCount);
        }
        return new UnitCursor(main, windowLimitMs, pending, childOffset + readCount, tracked, sweep, lastSweepAt,
                lastSnapshotAt, done);
    }

    /** Drops the first pending child, whose records are all read (or skipped). */
    public UnitCursor childFinished() {
        if (pending.isEmpty()) {
            throw new IllegalStateException("No pending child to finish");
        }
        return new UnitCursor(main, windowLimitMs, pending.subList(1, pending.size()), 0, tracked, sweep,
                lastSweepAt, lastSnapshotAt, done);
    }

    /** Tracks (or updates) record {@code id} emitted in a non-final state at {@code version}. */
    public UnitCursor track(String id, String version, Instant windowTime) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(tracked);
        next.put(id, new TrackedVersion(version, windowTime.toEpochMilli()));
        return withTracked(next);
    }

    /** Stops tracking {@code id}, for example when its record reached a final state. */
    public UnitCursor untrack(String id) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(tracked);
        next.remove(id);
        return withTracked(next);
    }

    /** Stops tracking every record whose window time is before {@code horizon} (now minus the lookback). */
    public UnitCursor expireTracked(Instant horizon) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(tracked);
        next.values().removeIf(v -> v.windowTimeMs() < horizon.toEpochMilli());
        return withTracked(next);
    }

    /** Starts re-reading {@code [start, end)} from offset 0; no sweep may be running. */
    public UnitCursor startSweep(Instant start, Instant end) {
        if (sweeping()) {
            throw new IllegalStateException("Sweep " + sweep + " is still running");
        }
        return withSweep(PagedWindow.of(start, end), lastSweepAt);
    }

    /** Moves past a page of {@code readCount} records of the sweep window. */
    public UnitCursor sweepPageRead(int readCount) {
        return withSweep(sweep.pageRead(readCount), lastSweepAt);
    }

    /** Ends the running sweep, which finished at {@code at}. */
    public UnitCursor sweepFinished(Instant at) {
        sweep.requireFixed();
        return withSweep(PagedWindow.NONE, at.toEpochMilli());
    }

    /** Records that the snapshot (or daily row set) was read completely at {@code at}. */
    public UnitCursor snapshotTaken(Instant at) {
        return new UnitCursor(main, windowLimitMs, pending, childOffset, tracked, sweep, lastSweepAt,
                at.toEpochMilli(), done);
    }

    /** Marks the unit done: the connector stops assigning it. */
    public UnitCursor unitFinished() {
        return new UnitCursor(main, windowLimitMs, pending, childOffset, tracked, sweep, lastSweepAt,
                lastSnapshotAt, true);
    }

    /** The source offset (see {@link UnitCursorCodec} for the format). */
    public Map<String, Object> toOffset() {
        return UnitCursorCodec.toOffset(this);
    }

    /**
     * Reads a source offset; null or empty means a fresh cursor.
     *
     * @throws IllegalArgumentException when the offset is malformed or written by a newer format version
     */
    public static UnitCursor fromOffset(Map<String, ?> offset) {
        return UnitCursorCodec.fromOffset(offset);
    }

    private void requireNoPending() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " pending children must be read first: " + pending);
        }
    }

    private UnitCursor withMain(PagedWindow window, long limitMs) {
        return new UnitCursor(window, limitMs, pending, childOffset, tracked, sweep, lastSweepAt, lastSnapshotAt,
                done);
    }

    private UnitCursor withTracked(Map<String, TrackedVersion> next) {
        return new UnitCursor(main, windowLimitMs, pending, childOffset, next, sweep, lastSweepAt, lastSnapshotAt,
                done);
    }

    private UnitCursor withSweep(PagedWindow window, long sweptAt) {
        return new UnitCursor(main, windowLimitMs, pending, childOffset, tracked, window, sweptAt, lastSnapshotAt,
                done);
    }
}
