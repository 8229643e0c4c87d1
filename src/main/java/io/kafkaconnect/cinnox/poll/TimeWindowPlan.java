package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.RangeCursor;
import java.time.Instant;
import java.util.Objects;

/**
 * A main window to query now: {@code [start, end)} from page offset {@code pageOffset}.
 *
 * @param start first instant of the window
 * @param end first instant after the window, never after now minus the settle time when it was planned
 * @param pageOffset the offset of the next page inside the window
 * @param cursor the unit's cursor with this window fixed; advance it with {@link RangeCursor#nextPage(int)}
 */
public record TimeWindowPlan<C extends RangeCursor<C>>(Instant start, Instant end, long pageOffset, C cursor)
        implements WindowPlan<C> {

    public TimeWindowPlan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cursor, "cursor");
    }

    /** The {@code endAt} to send: see {@link WindowPlanner#apiEnd(Instant, boolean)}. */
    public Instant apiEnd(boolean inclusiveApi) {
        return WindowPlanner.apiEnd(end, inclusiveApi);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ") offset " + pageOffset;
    }
}
