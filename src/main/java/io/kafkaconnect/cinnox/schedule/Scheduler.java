package io.kafkaconnect.cinnox.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way background work runs in this connector (the chunk monitor, webhook registration and
 * removal): on one named daemon thread, as a loop whose step says when it runs next, or at a fixed
 * interval. Closing stops it at once and is idempotent. Tests hand it a {@link Timer} they step by hand.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** Where tasks run after a delay: a thread in production, a hand-stepped queue in tests. */
    public interface Timer {
        void schedule(Runnable task, Duration delay);

        /** Drops what is scheduled and interrupts what runs. */
        void shutdown();
    }

    /** One step of a loop: the delay before the next step, or empty when the loop is done. */
    @FunctionalInterface
    public interface Step {
        Optional<Duration> run();
    }

    private final String name;
    private final Timer timer;
    private volatile boolean closed;

    public Scheduler(String name, Timer timer) {
        this.name = name;
        this.timer = timer;
    }

    /** A scheduler running its tasks on one daemon thread named {@code threadName}. */
    public static Scheduler daemon(String threadName) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        return new Scheduler(threadName, new Timer() {
            @Override
            public void schedule(Runnable task, Duration delay) {
                if (!executor.isShutdown()) {
                    executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void shutdown() {
                executor.shutdownNow();
            }
        });
    }

    /**
     * Runs {@code step} now, then again after each delay it returns, until it returns empty or the
     * scheduler closes. A step that throws is logged and the loop ends; steps catch what they retry on.
     */
    public void loop(String description, Step step) {
        schedule(description, step, Duration.ZERO);
    }

    /** Runs {@code task} every {@code interval}, the first time one interval from now. */
    public void repeat(String description, Duration interval, Runnable task) {
        schedule(description, () -> {
            task.run();
            return Optional.of(interval);
        }, interval);
    }

    public boolean closed() {
        return closed;
    }

    /** Stops every loop; a step running now is interrupted. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            timer.shutdown();
        }
    }

    private void schedule(String description, Step step, Duration delay) {
        if (closed) {
            return;
        }
        timer.schedule(() -> {
            if (closed) {
                return;
            }
            Optional<Duration> next;
            try {
                next = step.run();
            } catch (RuntimeException e) {
                log.error("{}: {} failed and stops", name, description, e);
                return;
            }
            next.ifPresent(d -> schedule(description, step, d));
        }, delay);
    }
}
