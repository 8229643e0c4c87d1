package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.TrackedVersion;
import io.kafkaconnect.cinnox.offset.DailyCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a unit re-reads its tracked records: once per sweep interval while any of them is still inside
 * the lookback, starting one interval after the task started when the unit never swept before.
 */
final class Sweeps {

    private final Duration lookback;
    private final Duration interval;
    private final Instant started;

    Sweeps(Duration lookback, Duration interval, Instant started) {
        this.lookback = lookback;
        this.interval = interval;
        this.started = started;
    }

    /** Whether some tracked record's window time is still inside the lookback. */
    boolean anyLive(DailyCursor cursor, Instant now) {
        long horizon = now.minus(lookback).toEpochMilli();
        return !lookback.isZero() && cursor.tracked().values().stream().anyMatch(v -> v.windowTimeMs() >= horizon);
    }

    /** When the next sweep is due; {@link UnitPoller#NEVER} when nothing tracked can still change. */
    Instant nextAt(DailyCursor cursor, Instant now) {
        if (!anyLive(cursor, now)) {
            return UnitPoller.NEVER;
        }
        Instant last = cursor.lastSweepAt() > 0 ? Instant.ofEpochMilli(cursor.lastSweepAt()) : started;
        return last.plus(interval);
    }

    /** The earliest window time of a tracked record at or after {@code notBefore}. */
    static Optional<Instant> earliestTracked(DailyCursor cursor, Instant notBefore) {
        return cursor.tracked().values().stream().map(TrackedVersion::windowTime)
                .filter(t -> !t.isBefore(notBefore)).min(Instant::compareTo);
    }
}
