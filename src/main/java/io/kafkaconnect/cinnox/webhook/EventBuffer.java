package io.kafkaconnect.cinnox.webhook;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-over between the HTTP handlers and the task's poll(): events wait here until poll()
 * takes them, then stay counted until Kafka has them. The bound covers both, so a slow or stuck producer
 * makes the receiver answer 503 instead of holding more and more unacknowledged events in memory.
 */
public final class EventBuffer {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<PendingEvent> waiting = new ArrayDeque<>();
    private final Set<PendingEvent> inFlight = new HashSet<>();
    private boolean closed;

    public EventBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues an event; empty when the buffer is full or closed. */
    public Optional<PendingEvent> offer(EnquiryEvent event) {
        PendingEvent pending = new PendingEvent(event);
        lock.lock();
        try {
            if (closed || waiting.size() + inFlight.size() >= capacity) {
                return Optional.empty();
            }
            waiting.add(pending);
            inFlight.add(pending);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        pending.written().whenComplete((ok, error) -> release(pending));
        return Optional.of(pending);
    }

    /** Takes up to {@code max} waiting events, oldest first, waiting at most {@code maxWait} for the first. */
    public List<PendingEvent> take(int max, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = maxWait.toNanos();
            while (waiting.isEmpty() && !closed && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
            List<PendingEvent> taken = new ArrayList<>(Math.min(max, waiting.size()));
            while (!waiting.isEmpty() && taken.size() < max) {
                taken.add(waiting.poll());
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code maxWait} until an event waits; returns at once if one does. */
    public void awaitEvent(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            if (waiting.isEmpty() && !closed) {
                arrived.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Events queued or on their way to Kafka. */
    public int size() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new events and fails every pending one, so their senders get a 503 and retry elsewhere. */
    public void close() {
        List<PendingEvent> abandoned;
        lock.lock();
        try {
            closed = true;
            abandoned = new ArrayList<>(inFlight);
            waiting.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        abandoned.forEach(p -> p.abandon(new IllegalStateException("the receiver stopped")));
    }

    private void release(PendingEvent pending) {
        lock.lock();
        try {
            inFlight.remove(pending);
            waiting.remove(pending);
        } finally {
            lock.unlock();
        }
    }
}
