package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Simulates tasks on separate workers lending through a lagging offset store, with clock skew under a
 * minute between any two workers, random demand, crashes and generations of shares replaced in random order
 * (tasks growing to their targets once they see every index run their generation), second by second:
 * at no second may the caps of the running tasks (each in its own clock minute) add up to more than the
 * budget. Seeded and bounded; the clock is simulated.
 */
class LoanSimulationTest {

    private static final int BUDGET = 450;
    private static final int SECONDS = 3 * 3600;
    private static final int MAX_LAG_SECONDS = 75;
    private static int grown;

    /** A state written to the store, visible to readers from {@code visibleAt}. */
    private record Written(long visibleAt, Map<String, Object> offset) {
    }

    /** An offsets topic per budget partition: readers see the latest state already visible. */
    private static final class LaggingStore {
        private final Map<Integer, List<Written>> log = new HashMap<>();

        void write(int index, BudgetState state, long at, long lag) {
            List<Written> partition = log.computeIfAbsent(index, i -> new ArrayList<>());
            long previous = partition.isEmpty() ? 0 : partition.get(partition.size() - 1).visibleAt();
            partition.add(new Written(Math.max(previous, at + lag), state.toOffset()));
        }

        /** A stopping task's writes: flushed at once, or lost with its worker (never seen by anyone). */
        void stopped(int index, long at, boolean crashed) {
            List<Written> partition = log.getOrDefault(index, new ArrayList<>());
            if (crashed) {
                partition.removeIf(w -> w.visibleAt() > at);
            } else {
                partition.replaceAll(w -> w.visibleAt() > at ? new Written(at, w.offset()) : w);
            }
        }

        BudgetState read(int index, long at) {
            BudgetState latest = null;
            for (Written w : log.getOrDefault(index, List.of())) {
                if (w.visibleAt() <= at) {
                    latest = BudgetState.fromOffset(w.offset());
                }
            }
            return latest;
        }
    }

    /** One running task: its desk, clock skew, share and demand. */
    private static final class SimTask {
        final int index;
        long share;
        long target;
        final int skew;
        final int phase;
        final LoanDesk desk;
        final Map<Long, Long> usedByMinute = new HashMap<>();
        final Map<Long, Boolean> wantedByMinute = new HashMap<>();
        long demand;

        SimTask(int index, String generation, long share, Random random) {
            this.index = index;
            this.share = share;
            this.target = share;
            this.skew = random.nextInt(60);
            this.phase = random.nextInt(10);
            this.desk = new LoanDesk(index, generation, share);
            this.demand = random.nextBoolean() ? 0 : random.nextInt(500);
        }

        long minute(long t) {
            return Math.floorDiv(t + skew, 60);
        }

        double cap(long t) {
            return desk.view().capIn(minute(t), share);
        }

        MinuteUsage.Usage usage(long minute) {
            long peak = 0;
            for (long m = minute - 3; m <= minute; m++) {
                peak = Math.max(peak, usedByMinute.getOrDefault(m, 0L));
            }
            boolean wants = wantedByMinute.getOrDefault(minute, false) || wantedByMinute.getOrDefault(minute - 1, false);
            return new MinuteUsage.Usage(usedByMinute.getOrDefault(minute - 1, 0L), peak, wants);
        }

        void use(long t) {
            long m = minute(t);
            usedByMinute.put(m, Math.min(demand, (long) Math.floor(cap(t))));
            wantedByMinute.put(m, demand > cap(t));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theRunningTasksNeverHoldMoreThanTheBudgetAtAnySecond(long seed) {
        Random random = new Random(seed);
        grown = 0;
        LaggingStore store = new LaggingStore();
        ShareAllocator allocator = new ShareAllocator(BUDGET);
        ShareHandover handover = new ShareHandover(BUDGET);
        Map<Integer, SimTask> running = new HashMap<>();
        List<Double> shares = List.of();
        List<Double> targets = List.of();
        Map<Integer, Long> startAt = new HashMap<>();
        Map<Integer, Long> stopAt = new HashMap<>();
        String generation = "g0";
        int generations = 0;
        long nextGeneration = 0;
        long borrowedSeconds = 0;
        for (long t = 0; t < SECONDS; t++) {
            if (t == nextGeneration) {
                List<Double> target = allocator.target(randomDemands(random));
                shares = handover.next(targets, target);
                targets = target.size() >= targets.size() ? target : shares;
                generation = "g" + (++generations);
                scheduleReplacement(random, t, running, shares.size(), stopAt, startAt);
                nextGeneration = t + 70 + random.nextInt(240);
            }
            for (int index : new ArrayList<>(stopAt.keySet())) {
                if (stopAt.get(index) == t) {
                    stopAt.remove(index);
                    running.remove(index);
                    store.stopped(index, t, random.nextInt(4) == 0);
                }
            }
            for (int index : new ArrayList<>(startAt.keySet())) {
                if (startAt.get(index) == t && !stopAt.containsKey(index)) {
                    startAt.remove(index);
                    SimTask task = new SimTask(index, generation, Math.round(shares.get(index)), random);
                    task.target = Math.round(targets.get(index));
                    BudgetState last = store.read(index, t);
                    if (last != null) {
                        task.desk.inherit(last, task.minute(t));
                    }
                    running.put(index, task);
                }
            }
            double sum = 0;
            for (SimTask task : running.values()) {
                if (random.nextInt(600) == 0) {
                    task.demand = random.nextBoolean() ? 0 : random.nextInt(500);
                }
                if ((t + task.phase) % 10 == 0) {
                    tick(task, store, t, random, shares.size());
                }
                task.use(t);
                sum += task.cap(t);
                if (task.desk.view().borrowedIn(task.minute(t)) > 0) {
                    borrowedSeconds++;
                }
            }
            if (sum > BUDGET + 1e-6) {
                fail("seed " + seed + ", second " + t + ": the running tasks hold " + sum + " of " + BUDGET);
            }
        }
        assertTrue(generations > 20, "generations: " + generations);
        assertTrue(borrowedSeconds > 0, "some task borrowed");
        assertTrue(grown > 0, "some task grew to its target");
    }

    private static void tick(SimTask task, LaggingStore store, long t, Random random, int tasks) {
        long minute = task.minute(t);
        Map<Integer, BudgetState> others = new HashMap<>();
        for (int i = 0; i < tasks; i++) {
            BudgetState state = store.read(i, t);
            if (i != task.index && state != null) {
                others.put(i, state);
            }
        }
        task.desk.observe(others, minute);
        if (task.target > task.share && task.desk.generationComplete(others, tasks)) {
            task.share = task.target;
            task.desk.growTo(task.target);
            grown++;
        }
        MinuteUsage.Usage usage = task.usage(minute);
        task.desk.decide(minute, usage);
        store.write(task.index, task.desk.state(minute, usage), t, random.nextInt(MAX_LAG_SECONDS));
    }

    /** Each running index stops at a random second within 40 s; each new index starts after its old one. */
    private static void scheduleReplacement(Random random, long t, Map<Integer, SimTask> running, int tasks,
            Map<Integer, Long> stopAt, Map<Integer, Long> startAt) {
        for (int index : running.keySet()) {
            stopAt.put(index, t + 1 + random.nextInt(40));
        }
        for (int index = 0; index < tasks; index++) {
            long stop = stopAt.getOrDefault(index, t);
            startAt.put(index, stop + 1 + random.nextInt(15));
        }
    }

    private static List<TaskDemand> randomDemands(Random random) {
        int tasks = 2 + random.nextInt(5);
        List<TaskDemand> demands = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            demands.add(new TaskDemand(1 + random.nextInt(20), random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0));
        }
        return demands;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anIdleTaskLendsToABusyOneWithinAFewMinutes(long seed) {
        Random random = new Random(seed);
        LaggingStore store = new LaggingStore();
        SimTask busy = new SimTask(0, "g", 150, random);
        SimTask idle = new SimTask(1, "g", 300, random);
        busy.demand = 450;
        idle.demand = 20;
        for (long t = 0; t < 10 * 60; t++) {
            for (SimTask task : List.of(busy, idle)) {
                if ((t + task.phase) % 10 == 0) {
                    tick(task, store, t, random, 2);
                }
                task.use(t);
            }
        }
        long t = 10 * 60;
        assertEquals(300 - 2 * 20, Math.round(idle.desk.view().heldOut(idle.minute(t), idle.share)));
        assertEquals(150 + 300 - 2 * 20, Math.round(busy.cap(t)));
    }
}
