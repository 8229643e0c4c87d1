package io.kafkaconnect.cinnox.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /** Holds scheduled tasks until the test runs them; records each delay asked for. */
    private static final class ManualTimer implements Scheduler.Timer {
        final Deque<Runnable> queue = new ArrayDeque<>();
        final List<Duration> delays = new ArrayList<>();
        boolean shutdown;

        @Override
        public void schedule(Runnable task, Duration delay) {
            delays.add(delay);
            queue.add(task);
        }

        @Override
        public void shutdown() {
            shutdown = true;
            queue.clear();
        }

        void runAll(int max) {
            for (int i = 0; i < max && !queue.isEmpty(); i++) {
                queue.poll().run();
            }
        }
    }

    @Test
    void aLoopRunsAfterEachDelayItsStepReturnsUntilItIsDone() {
        ManualTimer timer = new ManualTimer();
        Scheduler scheduler = new Scheduler("test", timer);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        int[] steps = {0};
        scheduler.loop("retry", () -> ++steps[0] < 5 ? Optional.of(backoff.next()) : Optional.empty());
        timer.runAll(100);
        assertEquals(5, steps[0]);
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5)), timer.delays);
    }

    @Test
    void repeatWaitsOneIntervalFirstAndKeepsTheInterval() {
        ManualTimer timer = new ManualTimer();
        Scheduler scheduler = new Scheduler("test", timer);
        int[] runs = {0};
        scheduler.repeat("tick", Duration.ofMinutes(1), () -> runs[0]++);
        assertEquals(0, runs[0]);
        timer.runAll(3);
        assertEquals(3, runs[0]);
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofMinutes(1)), timer.delays);
    }

    @Test
    void closeStopsEveryLoopAndIsIdempotent() {
        ManualTimer timer = new ManualTimer();
        Scheduler scheduler = new Scheduler("test", timer);
        int[] steps = {0};
        scheduler.loop("forever", () -> {
            steps[0]++;
            return Optional.of(Duration.ofSeconds(1));
        });
        timer.runAll(3);
        scheduler.close();
        scheduler.close();
        scheduler.loop("after close", () -> Optional.empty());
        timer.runAll(10);
        assertEquals(3, steps[0]);
        assertTrue(timer.shutdown && scheduler.closed());
    }

    @Test
    void aStepThatThrowsEndsItsLoop() {
        ManualTimer timer = new ManualTimer();
        Scheduler scheduler = new Scheduler("test", timer);
        scheduler.loop("broken", () -> {
            throw new IllegalStateException("boom");
        });
        timer.runAll(10);
        assertEquals(1, timer.delays.size());
    }

    @Test
    void theDaemonSchedulerRunsOnItsNamedThreadAndStopsAtOnce() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        Scheduler scheduler = Scheduler.daemon("cinnox-test-loop");
        scheduler.loop("once", () -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
            return Optional.of(Duration.ofDays(1));
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        scheduler.close();
        assertEquals("cinnox-test-loop", thread[0]);
    }
}
