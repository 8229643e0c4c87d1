package io.kafkaconnect.cinnox.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongToDoubleFunction;

/**
 * Counts the requests of one clock minute (UTC, aligned as CINNOX counts them) and refuses more than the
 * budget allows in it, so the pace of the rate limiter may run at the full budget without a burst after an
 * idle spell ever crossing it. Thread-safe.
 */
final class MinuteCap {

    private static final long MINUTE_MS = 60_000;

    private final Clock clock;
    private long minute = Long.MIN_VALUE;
    private int taken;

    MinuteCap(Clock clock) {
        this.clock = clock;
    }

    /** Takes one request of the current minute when fewer than {@code perMinute} were taken in it. */
    synchronized boolean take(double perMinute) {
        return take(minute -> perMinute);
    }

    /**
     * As above with the cap of the minute the request falls in ({@code capOf} gets the clock minute since the
     * epoch), so a cap that changes at a minute's start (a loan begins or ends) holds from its first request.
     */
    synchronized boolean take(LongToDoubleFunction capOf) {
        roll();
        if (taken >= allowed(capOf.applyAsDouble(minute))) {
            return false;
        }
        taken++;
        return true;
    }

    /** Whether the current minute has no request left. */
    synchronized boolean full(double perMinute) {
        return full(minute -> perMinute);
    }

    /** Whether the current minute has no request left under the cap {@code capOf} gives for it. */
    synchronized boolean full(LongToDoubleFunction capOf) {
        roll();
        return taken >= allowed(capOf.applyAsDouble(minute));
    }

    /** The start of the next clock minute. */
    Instant nextMinute() {
        long now = clock.millis();
        return Instant.ofEpochMilli(Math.floorDiv(now, MINUTE_MS) * MINUTE_MS + MINUTE_MS);
    }

    /** Requests taken in the current minute. */
    synchronized int taken() {
        roll();
        return taken;
    }

    private void roll() {
        long current = Math.floorDiv(clock.millis(), MINUTE_MS);
        if (current != minute) {
            minute = current;
            taken = 0;
        }
    }

    /**
     * Whole requests only, so the JVMs' caps never add up to more than the connector's budget; a share under
     * one request a minute (a budget smaller than the task count) keeps one, which its pace spreads over more
     * than a minute.
     */
    private static long allowed(double perMinute) {
        return Math.max(1, (long) Math.floor(perMinute + 1e-9));
    }
}
