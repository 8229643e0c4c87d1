package io.kafkaconnect.cinnox.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock for budget tests that a test sets by hand, or moves to 10 seconds into a given clock minute. */
public final class MinuteClock extends Clock {

    private final AtomicReference<Instant> now;

    public MinuteClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    /** Moves to 10 seconds into {@code minute} (UTC clock minutes since the epoch). */
    public void toMinute(long minute) {
        now.set(Instant.ofEpochMilli(minute * 60_000 + 10_000));
    }
}
