package io.kafkaconnect.cinnox.offset;

import io.kafkaconnect.cinnox.ledger.LateCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a windowed unit resumes: its main window, the child work of rows without a bucket, and the late-data
 * state. What was sent lives in the unit's ledgers, not here. Immutable; every transition returns a new
 * cursor. See docs/design/connector.md, "Cursor (the offset) of a windowed unit".
 *
 * @param main the main pass window; not fixed (start == end) between windows, positioned where the next starts
 * @param windowLimitMs the longest window the API accepted after a too-wide answer, 0 = the configured maximum
 * @param children child work found in the last page, read before the window moves on
 * @param done whether the unit has nothing left to do
 * @param late the drift check of the main window and the re-scan state
 */
public record WindowCursor(PagedWindow main, long windowLimitMs, ChildWork children, boolean done, LateCursor late)
        implements RangeCursor<WindowCursor> {

    public WindowCursor {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(children, "children");
        Objects.requireNonNull(late, "late");
        if (windowLimitMs < 0) {
            throw new IllegalArgumentException("Cursor times, limits and offsets must not be negative");
        }
    }

    /** The cursor of a unit nothing was read for yet. */
    public static WindowCursor fresh() {
        return new WindowCursor(PagedWindow.NONE, 0, ChildWork.NONE, false, LateCursor.NONE);
    }

    /** Child ids still to read for the last page, in order. */
    public List<String> pending() {
        return children.pending();
    }

    /** The page offset inside the first pending child. */
    public long childOffset() {
        return children.offset();
    }

    @Override
    public int pendingChildren() {
        return children.pending().size();
    }

    @Override
    public Optional<Duration> windowLimit() {
        return windowLimitMs == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(windowLimitMs));
    }

    @Override
    public WindowCursor withMain(PagedWindow window) {
        return new WindowCursor(window, windowLimitMs, children, done, late);
    }

    /**
     * Keeps the first half of the fixed main window, paged from 0, without limiting later windows: rows kept
     * moving between its pages, and a window that fits in one page cannot drift.
     *
     * @throws IllegalStateException when no window is fixed or it is shorter than 2 ms
     */
    public WindowCursor windowSplit() {
        long half = (main.requireFixed().end() - main.start()) / 2;
        if (half < 1) {
            throw new IllegalStateException("Window " + main + " is too short to split");
        }
        return withMain(new PagedWindow(main.start(), main.start() + half, 0));
    }

    /** Reads the fixed main window again from offset 0 (rows moved between its pages). */
    public WindowCursor restartWindow() {
        return withMain(new PagedWindow(main.requireFixed().start(), main.end(), 0));
    }

    /**
     * Halves the fixed main window after the API said it was too wide: the window keeps its start, ends
     * halfway, is paged again from offset 0, and its new length becomes {@link #windowLimit()} for the rest
     * of the unit.
     *
     * @throws IllegalStateException when no window is fixed or it is shorter than 2 ms
     */
    public WindowCursor windowHalved() {
        long half = (main.requireFixed().end() - main.start()) / 2;
        if (half < 1) {
            throw new IllegalStateException("Window " + main + " is too short to halve");
        }
        requireNoPending();
        return new WindowCursor(new PagedWindow(main.start(), main.start() + half, 0), half, children, done, late);
    }

    /**
     * Narrows the fixed main window after the API said it was too wide: the window keeps its start, ends
     * {@code length} later (never later than it did), is paged again from offset 0, and {@code length} becomes
     * {@link #windowLimit()} for the rest of the unit.
     *
     * @throws IllegalStateException when no window is fixed, child work is pending or {@code length} is under 1 ms
     */
    public WindowCursor windowNarrowed(Duration length) {
        long start = main.requireFixed().start();
        long limit = Math.min(length.toMillis(), main.end() - start);
        if (limit < 1) {
            throw new IllegalStateException("Window " + main + " cannot be narrowed to " + length);
        }
        requireNoPending();
        return new WindowCursor(new PagedWindow(start, start + limit, 0), limit, children, done, late);
    }

    /** Records the child ids found in the last page, to read in order; no child work may be pending. */
    public WindowCursor withPending(List<String> ids) {
        return new WindowCursor(main, windowLimitMs, children.found(ids), done, late);
    }

    /** Moves past a page of {@code readCount} records of the first pending child. */
    public WindowCursor childPageRead(int readCount) {
        return new WindowCursor(main, windowLimitMs, children.pageRead(readCount), done, late);
    }

    /** Drops the first pending child, whose records are all read (or skipped). */
    public WindowCursor childFinished() {
        return new WindowCursor(main, windowLimitMs, children.finished(), done, late);
    }

    /** The same cursor with {@code next} late-data state. */
    public WindowCursor withLate(LateCursor next) {
        return new WindowCursor(main, windowLimitMs, children, done, next);
    }

    /** Marks the unit done: the connector stops assigning it. */
    public WindowCursor unitFinished() {
        return new WindowCursor(main, windowLimitMs, children, true, late);
    }

    @Override
    public Map<String, Object> toOffset() {
        return WindowCursorCodec.toOffset(this);
    }

    /**
     * Reads a source offset; null or empty means a fresh cursor.
     *
     * @throws IllegalArgumentException when the offset is malformed or written by a newer format version
     */
    public static WindowCursor fromOffset(Map<String, ?> offset) {
        return WindowCursorCodec.fromOffset(offset);
    }

    /** Whether a stored offset was written before ledgers existed (its unit must be upgraded). */
    public static boolean writtenBeforeLedgers(Map<String, ?> offset) {
        return CursorFormat.beforeLedgers(offset);
    }

    /** The records an offset written before ledgers kept as tracked; they become open rows of ledgers. */
    public static TrackedRecords legacyTracked(Map<String, ?> offset) {
        return WindowCursorCodec.legacyTracked(offset);
    }
}
