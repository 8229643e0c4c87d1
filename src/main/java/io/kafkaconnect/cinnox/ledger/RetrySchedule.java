package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to ask CINNOX again for child data that was not there: {@code first}, then doubling up to
 * {@code maxDelay}, never after the deadline, where one last attempt is made.
 */
public record RetrySchedule(Duration first, Duration maxDelay) {

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (first.isNegative() || first.isZero() || maxDelay.compareTo(first) < 0) {
            throw new IllegalArgumentException("Retry delays must be positive and the first at most the largest: "
                    + first + ", " + maxDelay);
        }
    }

    /** The wait before retry number {@code attempt + 1}, counting from 0. */
    public Duration delay(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("Attempts are counted from 0, got " + attempt);
        }
        Duration delay = first.multipliedBy(1L << Math.min(attempt, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * When to retry after {@code attempt} failed retries: {@code now + delay(attempt)}, moved back to the deadline
     * when that is earlier; empty once {@code now} has reached the deadline (give up).
     */
    public Optional<Instant> next(int attempt, Instant now, Instant deadline) {
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant at = now.plus(delay(attempt));
        return Optional.of(at.isAfter(deadline) ? deadline : at);
    }
}
