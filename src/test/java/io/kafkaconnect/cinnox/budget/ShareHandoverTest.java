package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShareHandoverTest {

    private final ShareHandover handover = new ShareHandover(450);

    @Test
    void movingShareFromAnIdleToABusyTaskTakesTwoGenerations() {
        List<Double> running = List.of(225.0, 225.0);
        List<Double> target = List.of(447.0, 3.0);

        List<Double> first = handover.next(running, target);
        assertEquals(List.of(225.0, 3.0), first, "the idle task shrinks; the busy one cannot grow yet");
        assertEquals(450.0, ShareHandover.worstMix(running, first));

        List<Double> second = handover.next(first, target);
        assertEquals(target, second);
        assertEquals(450.0, ShareHandover.worstMix(first, second));
    }

    @Test
    void freeBudgetIsGivenAtOnce() {
        assertEquals(List.of(300.0, 150.0), handover.next(List.of(150.0, 150.0), List.of(300.0, 150.0)));
    }

    @Test
    void growthBeyondTheFreeBudgetIsApportionedByWhatEachTaskWants() {
        List<Double> next = handover.next(List.of(100.0, 100.0, 200.0), List.of(200.0, 150.0, 100.0));
        // 50 free: the first wants 100, the second 50; the third shrinks at once.
        assertEquals(List.of(133.0, 117.0, 100.0), next);
        assertTrue(ShareHandover.worstMix(List.of(100.0, 100.0, 200.0), next) <= 450);
    }

    @Test
    void aTaskIndexThatAppearsWithNothingFreeWaitsForTheNextGeneration() {
        List<Double> next = handover.next(List.of(450.0), List.of(300.0, 150.0));
        assertEquals(List.of(300.0, 0.0), next);
        assertEquals(List.of(300.0, 150.0), handover.next(next, List.of(300.0, 150.0)));
    }

    @Test
    void tasksThatGoAwayStillCountUntilTheyHaveStopped() {
        List<Double> running = List.of(150.0, 150.0, 150.0);
        List<Double> next = handover.next(running, List.of(447.0, 3.0));
        assertEquals(List.of(150.0, 3.0), next, "the third task may still be running at 150");
        assertEquals(450.0, ShareHandover.worstMix(running, next));
    }

    @Test
    void unknownRunningSharesTakeTheTargetAsItIs() {
        assertEquals(List.of(447.0, 3.0), handover.next(List.of(), List.of(447.0, 3.0)));
    }

    @Test
    void anyMixOfTwoGenerationsStaysInsideTheBudgetAndTheTargetIsReached() {
        Random random = new Random(3);
        for (int run = 0; run < 1_000; run++) {
            List<Double> running = randomSplit(random, 1 + random.nextInt(8));
            List<Double> target = randomSplit(random, 1 + random.nextInt(8));
            List<Double> current = running;
            for (int generation = 0; generation < 3 && !current.equals(target); generation++) {
                List<Double> next = handover.next(current, target);
                assertTrue(ShareHandover.worstMix(current, next) <= 450, current + " -> " + next);
                current = next;
            }
            assertEquals(target, current, "reached within three generations from " + running);
        }
    }

    private static List<Double> randomSplit(Random random, int tasks) {
        long[] weights = random.ints(tasks, 1, 100).asLongStream().toArray();
        long[] parts = ShareAllocator.apportion(450, weights);
        List<Double> shares = new ArrayList<>();
        for (long part : parts) {
            shares.add((double) part);
        }
        return shares;
    }
}
