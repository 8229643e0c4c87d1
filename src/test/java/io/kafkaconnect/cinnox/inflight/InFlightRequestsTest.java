package io.kafkaconnect.cinnox.inflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final AtomicInteger permitsTaken = new AtomicInteger();
    private final RequestPermits always = wait -> {
        permitsTaken.incrementAndGet();
        return true;
    };
    private final CountDownLatch release = new CountDownLatch(1);
    private InFlightRequests requests;

    @AfterEach
    void close() {
        release.countDown();
        if (requests != null) {
            requests.close();
        }
    }

    private String blocked(CountDownLatch started) throws InterruptedException {
        started.countDown();
        if (!release.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        return "answer";
    }

    @Test
    void sendsAtMostTheBoundAndTakesNoPermitWithoutRoom() throws Exception {
        requests = new InFlightRequests(3, "test");
        CountDownLatch started = new CountDownLatch(3);
        List<InFlight<String>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(requests.trySend(always, Duration.ZERO, () -> blocked(started)).orElseThrow());
        }
        assertTrue(started.await(BOUND.toSeconds(), TimeUnit.SECONDS), "three requests run at once");
        assertEquals(3, requests.inFlight());
        assertFalse(requests.hasRoom());

        assertTrue(requests.trySend(always, Duration.ZERO, () -> "fourth").isEmpty());
        assertEquals(3, permitsTaken.get(), "no permit is taken for a request that cannot be sent");

        release.countDown();
        for (int i = 0; i < 10 && requests.inFlight() > 0; i++) {
            requests.awaitCompletion(requests.completions(), BOUND);
        }
        for (InFlight<String> request : sent) {
            assertEquals("answer", request.answer());
        }
        assertEquals(3, requests.completions());
        assertEquals(0, requests.inFlight());
        assertTrue(requests.hasRoom());
    }

    @Test
    void withoutAPermitNothingIsSentAndTheSlotStaysFree() {
        requests = new InFlightRequests(1, "test");
        assertTrue(requests.trySend(wait -> false, Duration.ZERO, () -> "never").isEmpty());
        assertEquals(0, requests.inFlight());
        assertTrue(requests.hasRoom());
    }

    @Test
    void anAnswerRethrowsTheRequestsOwnException() throws Exception {
        requests = new InFlightRequests(1, "test");
        IllegalStateException failure = new IllegalStateException("boom");
        InFlight<String> request = requests.<String>trySend(always, Duration.ZERO, () -> {
            throw failure;
        }).orElseThrow();
        requests.awaitCompletion(0, BOUND);
        assertTrue(request.isDone());
        assertSame(failure, assertThrows(IllegalStateException.class, request::answer));
        assertEquals(0, requests.successes(), "a failed request is no success");
    }

    @Test
    void anAnswerNotThereYetIsNotWaitedFor() throws Exception {
        requests = new InFlightRequests(1, "test");
        CountDownLatch started = new CountDownLatch(1);
        InFlight<String> request = requests.trySend(always, Duration.ZERO, () -> blocked(started)).orElseThrow();
        assertFalse(request.isDone());
        assertThrows(IllegalStateException.class, request::answer);
        assertFalse(requests.awaitCompletion(requests.completions(), Duration.ZERO));
    }

    @Test
    void awaitingReturnsAtOnceWhenACompletionAlreadyHappenedOrNothingIsInFlight() throws Exception {
        requests = new InFlightRequests(2, "test");
        assertFalse(requests.awaitCompletion(0, BOUND), "nothing in flight: nothing to wait for");
        InFlight<String> request = requests.trySend(always, Duration.ZERO, () -> "quick").orElseThrow();
        assertTrue(requests.awaitCompletion(0, BOUND));
        assertTrue(requests.awaitCompletion(0, BOUND), "a completion after 'seen' is seen however late one asks");
        assertEquals("quick", request.answer());
        assertEquals(1, requests.successes());
    }

    @Test
    void closeCancelsRequestsInFlightAndRefusesNewOnes() throws Exception {
        requests = new InFlightRequests(2, "test");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        InFlight<String> request = requests.<String>trySend(always, Duration.ZERO, () -> {
            try {
                return blocked(started);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).orElseThrow();
        assertTrue(started.await(BOUND.toSeconds(), TimeUnit.SECONDS));

        requests.close();
        requests.close();

        assertTrue(request.isDone());
        assertThrows(CancellationException.class, request::answer);
        assertTrue(interrupted.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the sending thread is interrupted");
        assertEquals(Optional.empty(), requests.trySend(always, Duration.ZERO, () -> "late"));
        assertFalse(requests.hasRoom());
    }

    @Test
    void atLeastOneRequestMustBeAllowed() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightRequests(0, "test"));
    }
}
