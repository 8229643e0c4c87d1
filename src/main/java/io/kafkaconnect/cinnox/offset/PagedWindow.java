package io.kafkaconnect.cinnox.offset;

import java.time.Instant;

/**
 * A time window {@code [start, end)} in epoch milliseconds and the offset of the next page inside it.
 * Paging is relative to the window, so a window is never moved while it is being paged.
 *
 * @param start first millisecond of the window
 * @param end first millisecond after the window; {@code end == start} means no window is fixed
 * @param offset the next page offset inside the window, not negative
 */
public record PagedWindow(long start, long end, long offset) {

    /** No window fixed, starting at the epoch. */
    public static final PagedWindow NONE = new PagedWindow(0, 0, 0);

    public PagedWindow {
        if (end < start) {
            throw new IllegalArgumentException("Window end " + end + " is before its start " + start);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("Page offset must not be negative, got " + offset);
        }
        if (offset > 0 && end == start) {
            throw new IllegalArgumentException("Page offset " + offset + " without a fixed window");
        }
    }

    /** A window of {@code [start, end)} paged from offset 0. */
    public static PagedWindow of(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Window [" + start + ", " + end + ") is empty");
        }
        return new PagedWindow(start.toEpochMilli(), end.toEpochMilli(), 0);
    }

    /** Whether a window is fixed (and being paged). */
    public boolean fixed() {
        return end > start;
    }

    public Instant startAt() {
        return Instant.ofEpochMilli(start);
    }

    public Instant endAt() {
        return Instant.ofEpochMilli(end);
    }

    /** The same window after a page of {@code readCount} records. */
    PagedWindow pageRead(int readCount) {
        if (readCount < 0) {
            throw new IllegalArgumentException("A page cannot hold " + readCount + " records");
        }
        requireFixed();
        return new PagedWindow(start, end, offset + readCount);
    }

    /** No window fixed, positioned at this window's end, where the next window starts. */
    PagedWindow finished() {
        requireFixed();
        return new PagedWindow(end, end, 0);
    }

    PagedWindow requireFixed() {
        if (!fixed()) {
            throw new IllegalStateException("No window is fixed at " + startAt());
        }
        return this;
    }

    @Override
    public String toString() {
        return fixed() ? "[" + startAt() + ", " + endAt() + ") offset " + offset : "at " + startAt();
    }
}
