package io.kafkaconnect.cinnox.poll;

import com.google.common.util.concurrent.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The request budget of one CINNOX account, shared by every task of this worker JVM that calls it.
 * Each task joins with its share of the connector's requests per minute; the JVM's limiter runs at the
 * sum of the shares of the tasks present, so idle tasks leave their share to busy ones. A rate-limited
 * answer pauses the whole account here until the time CINNOX gives.
 */
public final class RateBudget {

    /**
     * Guava spreads permits evenly at N / 60 a second, so a busy minute uses the whole budget; after an idle
     * spell it may hand out up to one second of stored permits, which {@link MinuteCap} keeps inside the
     * clock minute: no clock minute (CINNOX counts fixed minutes) sees more than N requests from this JVM,
     * and no 60-second span more than N + N / 60 + 1.
     */
    static final double SECONDS_PER_MINUTE_BUDGET = 60.0;

    private static final Map<String, RateBudget> BUDGETS = new ConcurrentHashMap<>();
    private static final Duration NO_SHARE_RECHECK = Duration.ofSeconds(1);

    private final String accountKey;
    private final Clock clock;
    private final RateLimiter limiter = RateLimiter.create(1.0);
    private final MinuteCap minuteCap;
    private double requestsPerMinute;
    private int members;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile boolean hasShare;

    public RateBudget(String accountKey, Clock clock) {
        this.accountKey = accountKey;
        this.clock = clock;
        this.minuteCap = new MinuteCap(clock);
    }

    /**
     * Joins the budget of the account with this key in this JVM (the key names base URL and App, never a
     * token) with a task's share; close the lease when the task stops so its share leaves with it. A share
     * of 0 (a task waiting for the connector's next split) only uses what other tasks here bring.
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
        if (!(shareRequestsPerMinute >= 0) || Double.isInfinite(shareRequestsPerMinute)) {
            throw new IllegalArgumentException("A task's share of requests per minute must be 0 or more, got "
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
        return limiter.tryAcquire(1, maxWait.toNanos(), TimeUnit.NANOSECONDS) && minuteCap.take(requestsPerMinute());
    }

    /** Stops requests to the account until {@code until} (CINNOX answered 6451010). */
    public void pauseUntil(Instant until) {
        synchronized (this) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    /**
     * Whether no request may be sent now: CINNOX asked to wait, the tasks here hold no share, or this clock
     * minute's requests are all sent.
     */
    public boolean isPaused() {
        return !hasShare || clock.instant().isBefore(pausedUntil) || minuteCap.full(requestsPerMinute());
    }

    /**
     * Until when requests wait: the time CINNOX gave, the next clock minute when this one's requests are all
     * sent, or, while the tasks here hold no share, a second from now, to look again.
     */
    public Instant pausedUntil() {
        Instant until = pausedUntil;
        if (hasShare && minuteCap.full(requestsPerMinute())) {
            Instant next = minuteCap.nextMinute();
            until = next.isAfter(until) ? next : until;
        }
        if (!hasShare) {
            Instant recheck = clock.instant().plus(NO_SHARE_RECHECK);
            return recheck.isAfter(until) ? recheck : until;
        }
        return until;
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
        hasShare = members > 0 && requestsPerMinute > 0;
        if (hasShare) {
            limiter.setRate(requestsPerMinute / SECONDS_PER_MINUTE_BUDGET);
        }
    }

    /**
     * Runs under the registry's lock, so a task joining meanwhile never gets a budget being dropped. The
     * registry's lock comes first and this budget's second, as in {@link #join(String, double)}: taking
     * them the other way round deadlocks a task leaving against one joining.
     */
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
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(double share) {
            this.share = share;
        }

        public RateBudget budget() {
            return RateBudget.this;
        }

        /** Holds no lock while it calls {@link #leave(double)}, which takes the registry's lock first. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                leave(share);
            }
        }
    }
}
