package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static BudgetState state(String generation, String pool) {
        return new BudgetState(generation, 10, 0, false, 1, List.of()).withPool(pool);
    }

    @Test
    void onlyWhatMovesBetweenJvmsCounts() {
        Placement twoJvms = new Placement(List.of("a", "a", "b"));
        assertEquals(0.0, twoJvms.moved(List.of(100.0, 50.0, 50.0), List.of(140.0, 10.0, 50.0)), 1e-9,
                "40 from task 1 to task 0, both in JVM a");
        assertEquals(30.0, twoJvms.moved(List.of(100.0, 50.0, 50.0), List.of(100.0, 50.0 - 30, 80.0)), 1e-9,
                "30 from JVM a to JVM b");
        assertEquals(30.0, Placement.unknown(3).moved(List.of(100.0, 50.0, 50.0), List.of(100.0, 20.0, 80.0)), 1e-9);
    }

    @Test
    void indexesWithoutAStateOfTheGenerationOrAPoolAreAlone() {
        Map<Integer, BudgetState> states = Map.of(0, state("g2", "a"), 1, state("g1", "a"),
                2, new BudgetState("g2", 10, 0, false, 1, List.of()), 3, state("g2", "a"));
        Placement placement = Placement.of(states, "g2", 5);
        assertEquals(List.of("a", "task-1", "task-2", "a", "task-4"), placement.pools(),
                "index 1 is of the old generation, 2 names no pool, 4 has no state: each alone");
        assertEquals(10.0, placement.moved(List.of(10.0, 10.0, 10.0, 10.0, 10.0), List.of(20.0, 0.0, 20.0, 0.0, 0.0)),
                1e-9, "JVM a (tasks 0 and 3) keeps its 20; task 2, alone, gains 10");
    }

    /**
     * The skewed 3-worker benchmark of 2026-12-01 05:35:08: the connector re-split to move 13 and 16 a minute to
     * the chat tasks 0 and 1 from tasks 3 and 4, which ran beside them (workers 1: tasks 0 and 3, 2: 1 and 4,
     * 3: 2 and 5), and restarted every task for it (the minute used 436 of 450). Across the JVMs it moved 1.
     */
    @Test
    void theBenchmarksSecondReSplitMovedNothingBetweenWorkers() {
        ShareAllocator allocator = new ShareAllocator(450);
        List<Double> current = List.of(148.0, 222.0, 40.0, 18.0, 21.0, 1.0);
        List<Double> target = List.of(161.0, 238.0, 39.0, 6.0, 5.0, 1.0);
        long left = 973 + 1_454 + 213 + 7 + 7;
        assertTrue(allocator.worthRestarting(current, target, left), "task by task, 29 a minute moved");
        Placement workers = new Placement(List.of("w1", "w2", "w3", "w1", "w2", "w3"));
        assertEquals(1.0, workers.moved(current, target), 1e-9);
        assertFalse(allocator.worthRestarting(current, target, left, workers));
    }
}
