package io.kafkaconnect.cinnox.budget;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The widest window each endpoint accepted, as a task learns it from "Exceed maximum query day N"
 * answers, so that every unit of the task asks windows as wide as the API takes after one refusal per
 * endpoint instead of one per unit. Wide windows are what keep a backlog near its minimum request count:
 * each window costs ceil(records / page size) requests, so fewer windows waste fewer part-filled pages.
 */
public final class WindowLimits {

    private final Map<String, Duration> limits = new ConcurrentHashMap<>();
    private final Map<String, Duration> accepted = new ConcurrentHashMap<>();

    /** The widest window known to pass for {@code endpoint}; empty until it refused one. */
    public Optional<Duration> limit(String endpoint) {
        return Optional.ofNullable(limits.get(endpoint));
    }

    /**
     * The length to ask next after CINNOX refused a window of length {@code refused} on {@code endpoint}:
     * the endpoint's known limit (the N days of an earlier answer) when that is shorter, else half the
     * refused length. Remembered for the endpoint, so the other units skip the refusal.
     *
     * @throws IllegalStateException when the refused window is under 2 ms and cannot be halved
     */
    public Duration refused(String endpoint, Duration refused) {
        Optional<Duration> known = limit(endpoint);
        Duration next;
        if (known.isPresent() && known.get().compareTo(refused) < 0) {
            next = known.get();
        } else if (refused.toMillis() >= 2) {
            next = Duration.ofMillis(refused.toMillis() / 2);
        } else {
            throw new IllegalStateException("CINNOX refused a window of " + refused + " on " + endpoint
                    + " as too wide; it cannot be narrowed further");
        }
        return limits.merge(endpoint, next, WindowLimits::shorter);
    }

    /** Takes the N days of an "Exceed maximum query day N" answer as the endpoint's limit; none, nothing. */
    public void learnDays(String endpoint, OptionalInt maxDays) {
        if (maxDays.isPresent() && maxDays.getAsInt() > 0) {
            learn(endpoint, Duration.ofDays(maxDays.getAsInt()));
        }
    }

    /** Takes a limit a unit stored in its offset before a restart, so the other units need not relearn it. */
    public void learn(String endpoint, Duration limit) {
        if (!limit.isNegative() && !limit.isZero()) {
            limits.merge(endpoint, limit, WindowLimits::shorter);
        }
    }

    /** Remembers that {@code endpoint} answered a window of length {@code width}. */
    public void accepted(String endpoint, Duration width) {
        accepted.merge(endpoint, width, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /**
     * Whether a window of {@code width} on {@code endpoint} is untested: wider than any it answered and than the
     * limit it named. Such a window may be refused, so a task asks one at a time per endpoint (several in flight
     * would all be refused before the first refusal teaches the limit).
     */
    public boolean untested(String endpoint, Duration width) {
        if (width.compareTo(accepted.getOrDefault(endpoint, Duration.ZERO)) <= 0) {
            return false;
        }
        return limit(endpoint).map(limit -> width.compareTo(limit) > 0).orElse(true);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
