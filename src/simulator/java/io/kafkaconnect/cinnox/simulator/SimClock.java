package io.kafkaconnect.cinnox.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulator's notion of "now": either the live wall clock, or a fixed instant that only moves when a test
 * sets or advances it. Record visibility and every status change are evaluated against it.
 */
public final class SimClock {

    private final Clock wall;
    private volatile Instant fixed;

    private SimClock(Clock wall, Instant fixed) {
        this.wall = wall;
        this.fixed = fixed;
    }

    public static SimClock live() {
        return new SimClock(Clock.systemUTC(), null);
    }

    public static SimClock fixed(Instant start) {
        return new SimClock(null, Objects.requireNonNull(start, "start"));
    }

    public Instant now() {
        Instant f = fixed;
        return f != null ? f : wall.instant();
    }

    public boolean isLive() {
        return wall != null;
    }

    /** Moves a fixed clock to {@code instant} (also backwards). Throws for a live clock. */
    public synchronized void set(Instant instant) {
        requireFixed();
        fixed = Objects.requireNonNull(instant, "instant");
    }

    /** Moves a fixed clock forward by {@code duration}. Throws for a live clock. */
    public synchronized void advance(Duration duration) {
        requireFixed();
        fixed = fixed.plus(duration);
    }

    private void requireFixed() {
        if (wall != null) {
            throw new IllegalStateException("a live clock cannot be set or advanced");
        }
    }
}
