package io.kafkaconnect.cinnox.poll;

import com.google.common.util.concurrent.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The request budget of one CINNOX account, shared by every task of this worker JVM that calls it.
 * Each task joins with its share of the connector's requests per minute; the JVM's limiter runs at the
 * sum of the shares of the tasks present, so idle tasks leave their share to busy ones. A rate-limited
 * answer pauses the whole account here until the time CINNOX gives.
 */
public final class RateBudget {

    /**
     * Guava spreads permits evenly and may hand out up to one second of stored permits after an idle spell
     * plus one permit on credit, so permits per second are set to N / 62: no 60-second span, and so no
     * minute of CINNOX's fixed windows, sees more than N requests from this JVM.
     */
    static final double SECONDS_PER_MINUTE_BUDGET = 62.0;

    private static final Map<String, RateBudget> BUDGETS = new ConcurrentHashMap<>();

    private final String accountKey;
    private final Clock clock;
    private final RateLimiter limiter = RateLimiter.create(1.0);
    private double requestsPerMinute;
    private int members;
    private volatile Instant pausedUntil = Instant.EPOCH;

    public RateBudget(String accountKey, Clock clock) {
        this.accountKey = accountKey;
        this.clock = clock;
    }

    /**
     * Joins the budget of the account with this key in this JVM (the key names base URL and App, never a
     * token) with a task's share; close the lease when the task stops so its share leaves with it.
     */
    public static Lease join(String accountKey, double shareRequestsPerMinute) {
        Lease[] lease = new Lease[1];
        BUDGETS.compute(accountKey, (key, budget) -> {
            RateBudget joined = budget != null ? budget : new RateBudget(key, Clock.systemUTC());
            lease[0] = joined.join(shareRequestsPerMinute);
            return joined;
        });
        return lease[0];
    }

    /** Adds a share to this budget (the registry above, or a test's own instance). */
    public synchronized Lease join(double shareRequestsPerMinute) {
        if (!(shareRequestsPerMinute > 0)) {
            throw new IllegalArgumentException("A task's share of requests per minute must be positive, got "
                    + shareRequestsPerMinute);
        }
        members++;
        adjust(shareRequestsPerMinute);
        return new Lease(shareRequestsPerMinute);
    }

    /**
     * Takes one request permit, waiting at most {@code maxWait}. Returns false while the account is paused
     * or when no permit came in time; the caller then tries again on a later poll.
     */
    public boolean tryAcquire(Duration maxWait) {
        if (isPaused()) {
            return false;
        }
        return limiter.tryAcquire(1, maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops requests to the account until {@code until} (CINNOX answered 6451010). */
    public void pauseUntil(Instant until) {
        synchronized (this) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    public boolean isPaused() {
        return clock.instant().isBefore(pausedUntil);
    }

    public Instant pausedUntil() {
        return pausedUntil;
    }

    /** The requests per minute this JVM may send to the account now: the sum of its tasks' shares. */
    public synchronized double requestsPerMinute() {
        return requestsPerMinute;
    }

    public String accountKey() {
        return accountKey;
    }

    private synchronized void adjust(double delta) {
        requestsPerMinute = Math.max(0.0, requestsPerMinute + delta);
        if (members > 0 && requestsPerMinute > 0) {
            limiter.setRate(requestsPerMinute / SECONDS_PER_MINUTE_BUDGET);
        }
    }

    /** Runs under the registry's lock, so a task joining meanwhile never gets a budget being dropped. */
    private void leave(double share) {
        BUDGETS.compute(accountKey, (key, current) -> {
            synchronized (this) {
                members--;
                adjust(-share);
                return current == this && members == 0 ? null : current;
            }
        });
    }

    /** A task's membership in the budget; closing it twice is harmless. */
    public final class Lease implements AutoCloseable {
        private final double share;
        private boolean closed;

        private Lease(double share) {
            this.share = share;
        }

        public RateBudget budget() {
            return RateBudget.this;
        }

        @Override
        public void close() {
            synchronized (RateBudget.this) {
                if (!closed) {
                    closed = true;
                    leave(share);
                }
            }
        }
    }
}
