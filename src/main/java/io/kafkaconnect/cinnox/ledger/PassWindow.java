package io.kafkaconnect.cinnox.ledger;

/**
 * The window a pass is paging through, with what the drift check needs: the key hash of the last row of
 * the previous page and how often the window was read again from 0 after rows moved.
 *
 * @param start first millisecond of the window
 * @param end first millisecond after it; {@code end == start} means no window is being read
 * @param offset the next page offset inside the window
 * @param lastRow key hash of the previous page's last row, 0 = none (no overlap is asked for)
 * @param restarts how often this window was read again from 0 after a drift
 */
public record PassWindow(long start, long end, long offset, long lastRow, int restarts) {

    public static final PassWindow NONE = new PassWindow(0, 0, 0, 0, 0);

    public PassWindow {
        if (end < start || offset < 0 || restarts < 0) {
            throw new IllegalArgumentException("Invalid pass window [" + start + ", " + end + ") offset " + offset
                    + " restarts " + restarts);
        }
        if (end == start && (offset != 0 || lastRow != 0)) {
            throw new IllegalArgumentException("A page offset or row without a window");
        }
    }

    public static PassWindow of(Span span) {
        return new PassWindow(span.start().toEpochMilli(), span.end().toEpochMilli(), 0, 0, 0);
    }

    public boolean fixed() {
        return end > start;
    }

    public Span span() {
        return new Span(java.time.Instant.ofEpochMilli(start), java.time.Instant.ofEpochMilli(end));
    }

    /** The offset to send: one row early when the previous page's last row is to be checked. */
    public long requestOffset() {
        return PageDrift.requestOffset(offset, lastRow);
    }

    /**
     * After a page of {@code size} rows asked from {@link #requestOffset()}, the last of them hashing to
     * {@code last} (0 when it has no key): the next page starts after it.
     */
    public PassWindow pageRead(int size, long last) {
        if (size == 0) {
            return this;
        }
        return new PassWindow(start, end, requestOffset() + size, last, restarts);
    }

    /** Rows moved: read the window again from 0. */
    public PassWindow restarted() {
        return new PassWindow(start, end, 0, 0, restarts + 1);
    }

    /** Whether another drift may still restart the window. */
    public boolean mayRestart() {
        return restarts < PageDrift.MAX_RESTARTS;
    }
}
