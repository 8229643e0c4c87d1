package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareRebalancerTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(2);
    private static final List<TaskDemand> BOTH_BUSY = List.of(new TaskDemand(3, 1), new TaskDemand(3, 1));
    private static final List<TaskDemand> SECOND_DONE = List.of(new TaskDemand(3, 1), TaskDemand.idle(3));

    @Test
    void sharesFollowDemandInTwoGenerationsSpacedByTheInterval() {
        ShareRebalancer shares = new ShareRebalancer(450, INTERVAL);
        assertEquals(List.of(225.0, 225.0), shares.nextGeneration(BOTH_BUSY, T0));
        assertFalse(shares.worthChanging(BOTH_BUSY));
        assertTrue(shares.worthChanging(SECOND_DONE));
        assertFalse(shares.due(T0.plusSeconds(119)));
        assertTrue(shares.due(T0.plus(INTERVAL)));

        Instant t1 = T0.plus(INTERVAL);
        assertEquals(List.of(225.0, 3.0), shares.nextGeneration(SECOND_DONE, t1), "the idle task gives first");
        assertTrue(shares.worthChanging(SECOND_DONE));
        assertFalse(shares.due(t1.plusSeconds(60)));

        Instant t2 = t1.plus(INTERVAL);
        assertEquals(List.of(447.0, 3.0), shares.nextGeneration(SECOND_DONE, t2), "then the busy one takes");
        assertFalse(shares.worthChanging(SECOND_DONE));
        assertEquals(List.of(447.0, 3.0), shares.current());
    }

    @Test
    void aGenerationAskedForBeforeTheIntervalKeepsTheRunningShares() {
        ShareRebalancer shares = new ShareRebalancer(450, INTERVAL);
        shares.nextGeneration(BOTH_BUSY, T0);
        List<TaskDemand> three = List.of(new TaskDemand(3, 1), TaskDemand.idle(3), new TaskDemand(3, 1));
        assertEquals(List.of(225.0, 225.0, 0.0), shares.nextGeneration(three, T0.plusSeconds(30)),
                "a task added by a new chunk waits for the next generation");
        assertTrue(shares.worthChanging(three));
        assertEquals(List.of(224.0, 3.0, 0.0), shares.nextGeneration(three, T0.plus(INTERVAL)),
                "the running tasks hold the whole budget: the idle one gives first");
        assertEquals(List.of(224.0, 3.0, 223.0), shares.nextGeneration(three, T0.plus(INTERVAL.multipliedBy(2))));
    }

    @Test
    void smallShiftsInDemandChangeNothing() {
        ShareRebalancer shares = new ShareRebalancer(400, INTERVAL);
        shares.nextGeneration(List.of(new TaskDemand(2, 1), new TaskDemand(2, 1)), T0);
        assertFalse(shares.worthChanging(List.of(new TaskDemand(20, 1), new TaskDemand(2, 1))),
                "18 of 400 requests per minute would move");
    }
}
