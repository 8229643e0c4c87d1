package io.kafkaconnect.cinnox.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteCapTest {

    private final MinuteClock clock = new MinuteClock(Instant.parse("2026-01-10T00:00:59.500Z"));

    @Test
    void noClockMinuteGetsMoreThanTheBudgetAndEachNewMinuteStartsAgain() {
        MinuteCap cap = new MinuteCap(clock);
        for (int i = 0; i < 450; i++) {
            assertTrue(cap.take(450), "request " + i + " of the minute");
        }
        assertFalse(cap.take(450), "the 451st request of one clock minute");
        assertTrue(cap.full(450));
        assertEquals(Instant.parse("2026-01-10T00:01:00Z"), cap.nextMinute());

        clock.advance(Duration.ofMillis(500));
        assertFalse(cap.full(450), "a clock minute, not a minute from the first request");
        assertTrue(cap.take(450));
        assertEquals(1, cap.taken());
    }

    @Test
    void aFractionalShareAllowsOnlyWholeRequestsSoTheWorkersNeverAddUpToMore() {
        MinuteCap cap = new MinuteCap(clock);
        assertTrue(cap.take(2.9));
        assertTrue(cap.take(2.9));
        assertFalse(cap.take(2.9), "three shares of 149.99 must not send 450 + 3");
        MinuteCap small = new MinuteCap(clock);
        assertTrue(small.take(0.5), "a share under one request a minute still sends, at its limiter's pace");
        assertFalse(small.take(0.5), "but never two in one minute");
    }
}
