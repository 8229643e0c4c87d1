package io.kafkaconnect.cinnox.schedule;

import java.time.Duration;

/** Retry delays that double from a first delay up to a longest one; {@link #reset()} after a success. */
public final class Backoff {

    private final Duration first;
    private final Duration longest;
    private Duration next;

    public Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    /** The delay before the next retry; the one after it is twice as long, at most the longest. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return current;
    }

    /** The delay {@link #next()} returns now, without moving on. */
    public Duration peek() {
        return next;
    }

    public void reset() {
        next = first;
    }
}
