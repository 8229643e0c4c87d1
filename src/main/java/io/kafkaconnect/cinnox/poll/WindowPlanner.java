package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.budget.WindowLimits;
import io.kafkaconnect.cinnox.offset.PagedWindow;
import io.kafkaconnect.cinnox.offset.RangeCursor;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides the next main window of a unit. Windows are fixed once chosen, because offset paging is only
 * stable inside an unchanging window, and only settled time ({@code now - settle}) is ever queried.
 * Pure: time comes in as an argument.
 */
public final class WindowPlanner {

    private static final Duration DAY = Duration.ofDays(1);

    private final Duration settle;
    private final Duration queryWindowMax;
    private final Duration pollInterval;
    private final WindowLimits limits;
    private final String endpoint;

    /**
     * @param settle how long after the fact records are stable (window.settle.ms), not negative
     * @param queryWindowMax the longest window to query (query.window.max.ms), positive
     * @param pollInterval the shortest window worth a query unless it reaches the range end, not negative
     */
    public WindowPlanner(Duration settle, Duration queryWindowMax, Duration pollInterval) {
        this(settle, queryWindowMax, pollInterval, new WindowLimits(), null);
    }

    private WindowPlanner(Duration settle, Duration queryWindowMax, Duration pollInterval, WindowLimits limits,
            String endpoint) {
        this.settle = requireNotNegative(settle, "settle");
        this.queryWindowMax = requireNotNegative(queryWindowMax, "queryWindowMax");
        this.pollInterval = requireNotNegative(pollInterval, "pollInterval");
        if (queryWindowMax.toMillis() < 1) {
            throw new IllegalArgumentException("queryWindowMax must be at least 1 ms, got " + queryWindowMax);
        }
        this.limits = limits;
        this.endpoint = endpoint;
    }

    /**
     * This planner for the units of one endpoint: their windows also respect what the task learnt of the
     * endpoint's widest window, and a refusal one of them meets narrows the windows of all of them.
     */
    public WindowPlanner forEndpoint(String endpointName) {
        return new WindowPlanner(settle, queryWindowMax, pollInterval, limits, endpointName);
    }

    /** The widest windows learnt per endpoint, shared by every planner made from this one. */
    public WindowLimits limits() {
        return limits;
    }

    /** A planner for DAILY reports: whole-day windows, each queried once the day has settled. */
    public static WindowPlanner daily(Duration settle) {
        return new WindowPlanner(settle, DAY, DAY);
    }

    /**
     * The next main window of a unit.
     *
     * <p>A fixed window in the cursor is resumed exactly (same bounds, its page offset). Otherwise a new
     * window starts where the last one ended (or at the range start) and ends at the earliest of
     * start + window length, the range end and {@code now - settle}; it is due once it is at least the
     * poll interval long, or reaches the range end, or is as long as a window may be. The window length is
     * the configured maximum, or the cursor's {@link RangeCursor#windowLimit()} when shorter. Pending child
     * work in the cursor is the caller's to finish first; this plan covers the main window only.
     *
     * @return a {@link TimeWindowPlan}, a {@link WindowPlan.NotDue}, or {@link WindowPlan.MainPassFinished}
     */
    public <C extends RangeCursor<C>> WindowPlan<C> plan(C cursor, TimeRange range, Instant now) {
        Instant settled = now.minus(settle);
        if (cursor.windowFixed()) {
            PagedWindow window = cursor.main();
            if (window.endAt().isAfter(settled)) {
                return new WindowPlan.NotDue<>(window.endAt().plus(settle));
            }
            return new TimeWindowPlan<>(window.startAt(), window.endAt(), window.offset(), cursor);
        }
        Instant start = latest(Instant.ofEpochMilli(cursor.windowStart()), range.start());
        if (!start.isBefore(range.end())) {
            return new WindowPlan.MainPassFinished<>();
        }
        Duration length = windowLength(cursor);
        Instant end = earliest(earliest(start.plus(length), range.end()), settled);
        Duration dueLength = shortest(shortest(pollInterval, length), Duration.between(start, range.end()));
        if (dueLength.isZero()) {
            dueLength = Duration.ofMillis(1);
        }
        if (Duration.between(start, end).compareTo(dueLength) < 0) {
            return new WindowPlan.NotDue<>(start.plus(dueLength).plus(settle));
        }
        return new TimeWindowPlan<>(start, end, 0, cursor.startWindow(start, end));
    }

    /**
     * The cursor after the API refused its fixed window as too wide: the window keeps its start, is paged
     * again from 0, and becomes as long as the endpoint's known limit (the N days CINNOX named) when that
     * is shorter, else half as long. The new length is stored in the cursor (offset key {@code windowMax})
     * and caps every later window of the unit, across restarts; a planner bound to an endpoint also
     * remembers it for the endpoint's other units.
     *
     * @throws IllegalStateException when the cursor has no fixed window or it cannot be halved (under 2 ms)
     */
    public WindowCursor shrink(WindowCursor cursor) {
        if (endpoint == null || !cursor.windowFixed()) {
            return cursor.windowHalved();
        }
        Duration refused = Duration.ofMillis(cursor.windowEnd() - cursor.windowStart());
        return cursor.windowNarrowed(limits.refused(endpoint, refused));
    }

    /**
     * The length of the next new window: the configured maximum, or the shorter of the cursor's limit and
     * the endpoint's learnt limit. Windows are also cut at the end of the unit's chunk and at settled time.
     */
    public Duration windowLength(RangeCursor<?> cursor) {
        Duration length = cursor.windowLimit().map(limit -> shortest(limit, queryWindowMax)).orElse(queryWindowMax);
        if (endpoint != null) {
            Duration learnt = limits.limit(endpoint).orElse(length);
            length = shortest(length, learnt);
        }
        return length;
    }

    /**
     * The {@code endAt} to send for a window ending (exclusively) at {@code windowEnd}: one millisecond
     * earlier when the API's end bound is inclusive, so consecutive windows never share an instant.
     */
    public static Instant apiEnd(Instant windowEnd, boolean inclusiveApi) {
        return inclusiveApi ? windowEnd.minusMillis(1) : windowEnd;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
        return duration;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
