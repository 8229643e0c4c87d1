package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection: queued one-shot faults, random fault rates from a seeded generator, latency, rate-limit storms
 * and token revocation. Times are sim-clock times; thread-safe.
 */
public final class Faults {

    private final SimClock clock;
    private final long seed;
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    private SplittableRandom random;
    private volatile Duration latency = Duration.ZERO;
    private volatile Instant stormUntil;

    Faults(SimClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The next request (after auth and rate limiting) gets {@code fault}. */
    public Faults next(Fault fault) {
        return next(fault, 1);
    }

    /** The next {@code count} requests get {@code fault}; queued after faults already waiting. */
    public synchronized Faults next(Fault fault, int count) {
        Objects.requireNonNull(fault);
        for (int i = 0; i < count; i++) {
            queued.addLast(fault);
        }
        return this;
    }

    /** Each request gets {@code fault} with probability {@code fraction} (0 switches it off). */
    public synchronized Faults rate(Fault fault, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within [0, 1]");
        }
        rates.put(fault, fraction);
        return this;
    }

    /** Every response is delayed by this much real time before it is written. */
    public Faults latency(Duration value) {
        latency = Objects.requireNonNull(value);
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** From now (sim clock) until now + {@code duration}, every authenticated request is answered 6451010. */
    public Faults rateLimitStorm(Duration duration) {
        stormUntil = clock.now().plus(duration);
        return this;
    }

    /** From {@code at} (sim clock) on, {@code token} is answered with 6452000 "Invalid token". */
    public Faults revokeTokenAt(String token, Instant at) {
        revokedTokens.put(token, at);
        return this;
    }

    boolean revoked(String token, Instant now) {
        Instant at = revokedTokens.get(token);
        return at != null && !now.isBefore(at);
    }

    boolean storming(Instant now) {
        Instant until = stormUntil;
        return until != null && now.isBefore(until);
    }

    /** Takes the fault for the current request: a queued one first, else a random one by the configured rates. */
    synchronized Optional<Fault> take() {
        Fault next = queued.pollFirst();
        if (next != null) {
            return Optional.of(next);
        }
        for (Map.Entry<Fault, Double> e : rates.entrySet()) {
            if (e.getValue() > 0 && random.nextDouble() < e.getValue()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Clears every fault, storm, revocation and latency, and restarts the random sequence. */
    public synchronized void reset() {
        queued.clear();
        rates.clear();
        revokedTokens.clear();
        latency = Duration.ZERO;
        stormUntil = null;
        random = new SplittableRandom(seed);
    }
}
