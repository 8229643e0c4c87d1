package io.kafkaconnect.cinnox.poll;

import com.google.common.util.concurrent.RateLimiter;
import io.kafkaconnect.cinnox.budget.LoanView;
import io.kafkaconnect.cinnox.budget.MinuteUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The request budget of one CINNOX account, shared by every task of this worker JVM that calls it.
 * Each task joins with its share of the connector's requests per minute; the JVM's limiter runs at the
 * sum of the shares of the tasks present, so idle tasks leave their share to busy ones. Tasks lend to and
 * borrow from tasks on other workers by the clock minute, so the JVM's cap is a figure per minute: shares
 * less loans out plus loans in (see {@link LoanView}). A rate-limited answer pauses the whole account here
 * until the time CINNOX gives.
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
    private static final long MINUTE_MS = 60_000;

    private final String accountKey;
    private final String id = newId();
    private final Clock clock;
    private volatile RateLimiter limiter = RateLimiter.create(1.0);
    private final MinuteCap minuteCap;
    private final Set<Lease> leases = new LinkedHashSet<>();
    private final CredentialsAlarm credentials = new CredentialsAlarm();
    private double requestsPerMinute;
    private long capMinute = Long.MIN_VALUE;
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
        Lease lease = new Lease(shareRequestsPerMinute);
        leases.add(lease);
        capMinute = Long.MIN_VALUE;
        refresh();
        return lease;
    }

    /**
     * Takes one request permit, waiting at most {@code maxWait}. Returns false while the account is paused
     * or when no permit came in time; the caller then tries again on a later poll.
     */
    public boolean tryAcquire(Duration maxWait) {
        if (isPaused()) {
            return false;
        }
        return limiter.tryAcquire(1, maxWait.toNanos(), TimeUnit.NANOSECONDS) && minuteCap.take(this::capIn);
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
        refresh();
        return !hasShare || clock.instant().isBefore(pausedUntil) || minuteCap.full(this::capIn);
    }

    /**
     * Until when requests wait: the time CINNOX gave, the next clock minute when this one's requests are all
     * sent, or, while the tasks here hold no share, a second from now, to look again.
     */
    public Instant pausedUntil() {
        Instant until = pausedUntil;
        refresh();
        if (hasShare && minuteCap.full(this::capIn)) {
            Instant next = minuteCap.nextMinute();
            until = next.isAfter(until) ? next : until;
        }
        if (!hasShare) {
            Instant recheck = clock.instant().plus(NO_SHARE_RECHECK);
            return recheck.isAfter(until) ? recheck : until;
        }
        return until;
    }

    /**
     * The requests per minute this JVM may send to the account in the current clock minute: the sum of its
     * tasks' shares, less what they lend and plus what they borrow in this minute.
     */
    public double requestsPerMinute() {
        return refresh();
    }

    /** The requests this JVM may send in clock {@code minute} (minutes since the epoch, UTC). */
    public synchronized double capIn(long minute) {
        double cap = 0;
        for (Lease lease : leases) {
            cap += lease.loans.capIn(minute, lease.share);
        }
        return Math.max(0.0, cap);
    }

    /** A refused App Token seen by a task of this JVM on this account. */
    public CredentialsAlarm credentials() {
        return credentials;
    }

    public String accountKey() {
        return accountKey;
    }

    /**
     * A random id of this budget (the pool of the tasks of this JVM on this account), published with the tasks'
     * budget states so that the connector sees which tasks pool their shares. Never derived from a secret.
     */
    public String id() {
        return id;
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** The cap of the current minute, worked out again when the minute or a task's loans changed. */
    private synchronized double refresh() {
        long minute = Math.floorDiv(clock.millis(), MINUTE_MS);
        if (minute != capMinute) {
            capMinute = minute;
            requestsPerMinute = capIn(minute);
            hasShare = !leases.isEmpty() && requestsPerMinute > 0;
            if (hasShare) {
                pace(requestsPerMinute / SECONDS_PER_MINUTE_BUDGET);
            }
        }
        return requestsPerMinute;
    }

    /**
     * Sets the limiter's pace. Guava's {@code setRate} keeps the next permit where the old pace put it: after a
     * request at 2 a minute (a small task that joined first after a re-split) that is 30 s away, and the tasks
     * joining with the large shares got no permit for those 30 s. So a faster pace starts a fresh limiter, which
     * forgets what is left of the old pace's interval (permits already granted still come); a slower pace keeps
     * the limiter, whose wait is then short. {@link MinuteCap} bounds every clock minute either way.
     */
    private void pace(double permitsPerSecond) {
        if (permitsPerSecond > limiter.getRate()) {
            limiter = RateLimiter.create(permitsPerSecond);
        } else {
            limiter.setRate(permitsPerSecond);
        }
    }

    private synchronized void loansChanged() {
        capMinute = Long.MIN_VALUE;
        refresh();
    }

    /**
     * Runs under the registry's lock, so a task joining meanwhile never gets a budget being dropped. The
     * registry's lock comes first and this budget's second, as in {@link #join(String, double)}: taking
     * them the other way round deadlocks a task leaving against one joining.
     */
    private void leave(Lease lease) {
        BUDGETS.compute(accountKey, (key, current) -> {
            synchronized (this) {
                leases.remove(lease);
                capMinute = Long.MIN_VALUE;
                refresh();
                return current == this && leases.isEmpty() ? null : current;
            }
        });
    }

    /**
     * A task's membership in the budget, with its loans and its count of permits per minute; closing it
     * twice is harmless.
     */
    public final class Lease implements AutoCloseable {
        private volatile double share;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final MinuteUsage usage = new MinuteUsage();
        private volatile LoanView loans = LoanView.NONE;

        private Lease(double share) {
            this.share = share;
        }

        public RateBudget budget() {
            return RateBudget.this;
        }

        /** Takes a permit from the budget as {@link RateBudget#tryAcquire} does, counting it for this task. */
        public boolean tryAcquire(Duration maxWait) {
            boolean taken = RateBudget.this.tryAcquire(maxWait);
            long minute = Math.floorDiv(clock.millis(), MINUTE_MS);
            if (taken) {
                usage.took(minute);
            } else {
                usage.refused(minute);
            }
            return taken;
        }

        /** The clock minute (UTC, since the epoch) the budget counts requests in now, by its own clock. */
        public long minuteNow() {
            return Math.floorDiv(clock.millis(), MINUTE_MS);
        }

        /** What this task used and wants, as of clock {@code minute}. */
        public MinuteUsage.Usage usage(long minute) {
            return usage.usage(minute);
        }

        /**
         * Raises this task's share (to its target, once the tasks it replaced have all stopped); the budget
         * applies it from now on. A share never shrinks while a task runs.
         */
        public void growTo(double target) {
            if (target > share && !Double.isInfinite(target)) {
                share = target;
                loansChanged();
            }
        }

        public double share() {
            return share;
        }

        /** Sets what this task lends and borrows; the budget applies it from now on. */
        public void setLoans(LoanView view) {
            loans = view;
            loansChanged();
        }

        public LoanView loans() {
            return loans;
        }

        /** Holds no lock while it calls {@link #leave(Lease)}, which takes the registry's lock first. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                leave(this);
            }
        }
    }
}
