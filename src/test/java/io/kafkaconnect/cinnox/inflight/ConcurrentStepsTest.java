package io.kafkaconnect.cinnox.inflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentStepsTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private CountDownLatch started = new CountDownLatch(0);
    private InFlightRequests requests;

    @AfterEach
    void close() {
        release.countDown();
        if (requests != null) {
            requests.close();
        }
    }

    /** A request that holds its slot until the test releases it, noting how many ran at once. */
    private String request(String answer) throws InterruptedException {
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        started.countDown();
        try {
            if (!release.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return answer;
        } finally {
            concurrent.decrementAndGet();
        }
    }

    /** Units named by strings; "chat" units send child pages ahead, the others send their steps. */
    private final class FakeUnits implements ConcurrentSteps.Units<String, String> {
        final List<String> order;
        final Map<String, Integer> childrenLeft = new HashMap<>();
        final Map<String, List<InFlight<String>>> ahead = new HashMap<>();
        final List<String> stepped = new ArrayList<>();

        FakeUnits(String... order) {
            this.order = List.of(order);
        }

        @Override
        public List<String> inTurn(Instant now) {
            return order;
        }

        @Override
        public boolean isDue(String unit, Instant now) {
            return !unit.startsWith("chat") || ahead.getOrDefault(unit, List.of()).stream().anyMatch(InFlight::isDone);
        }

        @Override
        public boolean sendsRequest(String unit, Instant now) {
            return !unit.startsWith("chat");
        }

        @Override
        public boolean sendAhead(String unit, Instant now, ConcurrentSteps.Sender sender) {
            int left = childrenLeft.getOrDefault(unit, 0);
            if (left == 0) {
                return false;
            }
            Optional<InFlight<String>> sent = sender.send(() -> request(unit + "-page"));
            sent.ifPresent(page -> {
                ahead.computeIfAbsent(unit, k -> new ArrayList<>()).add(page);
                childrenLeft.put(unit, left - 1);
            });
            return sent.isPresent();
        }

        @Override
        public String step(String unit, Instant now) {
            stepped.add(unit);
            if (unit.startsWith("chat")) {
                return ahead.get(unit).remove(0).answer();
            }
            if (unit.startsWith("failing")) {
                throw new IllegalStateException("6451001");
            }
            try {
                return request(unit + "-records");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RequestPermits permits(AtomicInteger left) {
        return wait -> left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 20 && requests.inFlight() > 0; i++) {
            requests.awaitCompletion(requests.completions(), BOUND);
        }
        assertEquals(0, requests.inFlight());
    }

    @Test
    void stepsOfSeveralUnitsRunAtOnceButOnePerUnit() throws Exception {
        requests = new InFlightRequests(4, "test");
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(new AtomicInteger(100)));
        FakeUnits units = new FakeUnits("a", "b", "c");
        started = new CountDownLatch(3);

        assertEquals(new ConcurrentSteps.Sent(3, false), steps.send(NOW, units, Duration.ZERO, 4));
        assertTrue(started.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the three requests are in flight together");
        assertTrue(steps.isRunning("b"));
        assertEquals(0, steps.send(NOW, units, Duration.ZERO, 4).requests(), "one step per unit at a time");

        release.countDown();
        awaitIdle();
        List<ConcurrentSteps.Done<String, String>> done = steps.collect();
        assertEquals(List.of("a-records", "b-records", "c-records"),
                done.stream().map(ConcurrentSteps.Done::result).toList());
        assertEquals(3, maxConcurrent.get());
        assertFalse(steps.isRunning("b"));
        assertTrue(steps.collect().isEmpty());
    }

    @Test
    void childPagesAreSentAheadInTurnAndAppliedOnThePollThreadWithoutAPermit() throws Exception {
        requests = new InFlightRequests(4, "test");
        AtomicInteger permitsLeft = new AtomicInteger(100);
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(permitsLeft));
        FakeUnits units = new FakeUnits("chat1", "main", "chat2");
        units.childrenLeft.put("chat1", 5);
        units.childrenLeft.put("chat2", 5);

        ConcurrentSteps.Sent sent = steps.send(NOW, units, Duration.ZERO, 4);
        assertEquals(4, sent.requests(), "the pool is full");
        assertEquals(3, units.childrenLeft.get("chat1"), "chat1 sent two pages ahead");
        assertEquals(4, units.childrenLeft.get("chat2"), "chat2 got its turn though chat1 had more to send");
        assertTrue(steps.isRunning("main"));
        assertEquals(4, 100 - permitsLeft.get());

        release.countDown();
        awaitIdle();
        assertEquals(1, steps.collect().size());
        List<ConcurrentSteps.Done<String, String>> local = steps.runLocal(NOW, units);
        assertEquals(List.of("chat1-page", "chat2-page"), local.stream().map(ConcurrentSteps.Done::result).toList());
        assertEquals(4, 100 - permitsLeft.get(), "applying answers takes no permit");
    }

    @Test
    void aRefusedPermitEndsTheRoundAndIsReported() {
        requests = new InFlightRequests(4, "test");
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(new AtomicInteger(1)));
        FakeUnits units = new FakeUnits("a", "b", "c");
        assertEquals(new ConcurrentSteps.Sent(1, true), steps.send(NOW, units, Duration.ZERO, 4));
        assertTrue(steps.isRunning("a"));
        assertFalse(steps.isRunning("b"));
    }

    @Test
    void fewerRequestsMayBeAllowedThanThePoolHolds() {
        requests = new InFlightRequests(4, "test");
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(new AtomicInteger(10)));
        FakeUnits units = new FakeUnits("a", "b", "c");
        assertEquals(new ConcurrentSteps.Sent(1, false), steps.send(NOW, units, Duration.ZERO, 1));
        assertEquals(new ConcurrentSteps.Sent(0, false), steps.send(NOW, units, Duration.ZERO, 1));
        assertEquals(new ConcurrentSteps.Sent(2, false), steps.send(NOW, units, Duration.ZERO, 4));
    }

    @Test
    void aFailedStepComesBackWithItsException() throws Exception {
        requests = new InFlightRequests(2, "test");
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(new AtomicInteger(10)));
        FakeUnits units = new FakeUnits("failing");
        steps.send(NOW, units, Duration.ZERO, 4);
        awaitIdle();
        ConcurrentSteps.Done<String, String> done = steps.collect().get(0);
        assertNull(done.result());
        assertEquals("6451001", done.failure().getMessage());
    }

    @Test
    void cancellingStopsRunningSteps() {
        requests = new InFlightRequests(2, "test");
        ConcurrentSteps<String, String> steps = new ConcurrentSteps<>(requests, permits(new AtomicInteger(10)));
        FakeUnits units = new FakeUnits("a");
        steps.send(NOW, units, Duration.ZERO, 4);
        assertEquals(1, requests.inFlight());
        steps.cancelAll();
        assertFalse(steps.isRunning("a"));
        assertEquals(0, requests.inFlight(), "a cancelled step frees its slot");
    }
}
