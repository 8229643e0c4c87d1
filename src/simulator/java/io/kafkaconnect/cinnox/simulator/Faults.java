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

    /**
     * Each request gets {@code fault} with probability {@code fraction} (0 switches it off); the rates of all faults
     * together must not exceed 1, since one draw per request picks at most one of them.
     */
    public synchronized Faults rate(Fault fault, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1]");
        }
        double others = rates.entrySet().stream().filter(e -> e.getKey() != fault).mapToDouble(Map.Entry::getValue).sum();
        if (others + fraction > 1 + 1e-9) {
            throw new IllegalArgumentException("the fault rates add up to more than 1");
        }
        rates.put(fault, fraction);
        return this;
    }

    /**
     * Sets the latency and the random rates at once (see {@link FaultRates}), replacing every rate set with
     * {@link #rate}; queued faults, storms and revocations stay.
     */
    public synchronized Faults rates(FaultRates value) {
        rates.clear();
        rates.put(Fault.SERVICE_ERROR, value.errorRate() / 2);
        rates.put(Fault.HTTP_500, value.errorRate() / 2);
        rates.put(Fault.MALFORMED_BODY, value.malformedRate() / 2);
        rates.put(Fault.TRUNCATED_BODY, value.malformedRate() / 2);
        rates.put(Fault.CONNECTION_DROP, value.resetRate());
        latency = value.latency();
        return this;
    }

    /** The latency and random rates in force, summed per kind as {@link FaultRates} counts them. */
    public synchronized FaultRates rates() {
        return new FaultRates(latency.toMillis(), rateOf(Fault.SERVICE_ERROR) + rateOf(Fault.HTTP_500),
                rateOf(Fault.MALFORMED_BODY) + rateOf(Fault.TRUNCATED_BODY), rateOf(Fault.CONNECTION_DROP));
    }

    private double rateOf(Fault fault) {
        return rates.getOrDefault(fault, 0.0);
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

    /** Every authenticated request is answered 6451010 until switched off (true), or the storm stops now (false). */
    public Faults rateLimitStorm(boolean on) {
        stormUntil = on ? Instant.MAX : null;
        return this;
    }

    /** Whether a rate-limit storm is in force at the sim clock's now. */
    public boolean storming() {
        return storming(clock.now());
    }

    /** From now (sim clock) on, {@code token} is answered with 6452000 "Invalid token". */
    public Faults revokeToken(String token) {
        return revokeTokenAt(token, clock.now());
    }

    /** Makes a revoked {@code token} valid again at once. */
    public Faults restoreToken(String token) {
        revokedTokens.remove(token);
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
        if (rates.values().stream().noneMatch(r -> r > 0)) {
            return Optional.empty();
        }
        double draw = random.nextDouble();
        double upTo = 0;
        for (Map.Entry<Fault, Double> e : rates.entrySet()) {
            upTo += e.getValue();
            if (draw < upTo) {
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
