package io.kafkaconnect.cinnox.inflight;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a task's requests on a small pool, at most {@code maxInFlight} at once and each only after a permit of
 * the rate budget, so one slow answer no longer holds the whole budget back. Only the poll thread sends; it
 * never blocks here for longer than the permit wait it asks for, and waits for answers only with a bound.
 */
public final class InFlightRequests implements AutoCloseable {

    private final int maxInFlight;
    private final ExecutorService pool;
    private final Set<RequestTask<?>> running = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private int inFlight;
    private long completions;
    private long successes;
    private boolean closed;

    /** A pool of {@code maxInFlight} daemon threads named after {@code name}. */
    public InFlightRequests(int maxInFlight, String name) {
        this(maxInFlight, Executors.newFixedThreadPool(requirePositive(maxInFlight), daemonThreads(name)));
    }

    /** With the caller's pool (tests); it must run at least {@code maxInFlight} tasks at once. */
    InFlightRequests(int maxInFlight, ExecutorService pool) {
        this.maxInFlight = requirePositive(maxInFlight);
        this.pool = pool;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Requests sent and not yet answered. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Whether a request could be sent now, permits aside. */
    public boolean hasRoom() {
        synchronized (lock) {
            return !closed && inFlight < maxInFlight;
        }
    }

    /**
     * Sends {@code request} if there is room and a permit comes within {@code permitWait}; empty otherwise, and
     * then no permit was taken without a request (a slot is reserved before the permit is asked for).
     */
    public <T> Optional<InFlight<T>> trySend(RequestPermits permits, Duration permitWait, Callable<T> request) {
        synchronized (lock) {
            if (closed || inFlight >= maxInFlight) {
                return Optional.empty();
            }
            inFlight++;
        }
        boolean sent = false;
        try {
            if (!permits.tryAcquire(permitWait)) {
                return Optional.empty();
            }
            RequestTask<T> task = new RequestTask<>(request);
            running.add(task);
            sent = execute(task);
            return sent ? Optional.of(new InFlight<>(task)) : Optional.empty();
        } finally {
            if (!sent) {
                finished(false);
            }
        }
    }

    private boolean execute(RequestTask<?> task) {
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            running.remove(task);
            return false;
        }
    }

    /** How many requests ended without an exception so far. */
    public long successes() {
        synchronized (lock) {
            return successes;
        }
    }

    /** How many requests have been answered (or failed, or were cancelled) so far. */
    public long completions() {
        synchronized (lock) {
            return completions;
        }
    }

    /**
     * Waits until more than {@code seen} requests have completed, at most {@code maxWait}, and returns at once
     * when none is in flight or this is closed. Returns whether one completed.
     */
    public boolean awaitCompletion(long seen, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (lock) {
            while (completions <= seen && inFlight > 0 && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return completions > seen;
        }
    }

    /** Cancels every request in flight (their answers become cancellations) and refuses new ones; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        running.forEach(task -> task.cancel(true));
        pool.shutdownNow();
    }

    /** Waits at most {@code maxWait} for the request threads to end after {@link #close()}; true when they did. */
    public boolean awaitTermination(Duration maxWait) throws InterruptedException {
        return pool.awaitTermination(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void finished(boolean completed) {
        finished(completed, false);
    }

    private void finished(boolean completed, boolean succeeded) {
        synchronized (lock) {
            inFlight--;
            if (completed) {
                completions++;
            }
            if (succeeded) {
                successes++;
            }
            lock.notifyAll();
        }
    }

    /** Frees its slot when it ends in any way, cancelled ones included. */
    private final class RequestTask<T> extends FutureTask<T> {
        RequestTask(Callable<T> request) {
            super(request);
        }

        @Override
        protected void done() {
            if (running.remove(this)) {
                finished(true, succeeded());
            }
        }

        private boolean succeeded() {
            try {
                get();
                return true;
            } catch (ExecutionException | CancellationException | InterruptedException e) {
                return false;
            }
        }
    }

    private static int requirePositive(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("At least one request must be allowed in flight, got " + maxInFlight);
        }
        return maxInFlight;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-request-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
