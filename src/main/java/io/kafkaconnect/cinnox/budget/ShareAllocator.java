package io.kafkaconnect.cinnox.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the connector's requests per minute among its tasks by demand: every task keeps what its
 * caught-up work needs, and the tasks with a backlog share the rest, so a task with work gets what idle
 * tasks do not use. Pure; shares are whole requests per minute and never sum to more than the budget.
 */
public final class ShareAllocator {

    /**
     * A new split is worth restarting the tasks for only when it moves at least this part of the budget:
     * below it, the move is within what the estimate of the requests left drifts by from one check to the
     * next, so the new split is not surely better than the running one.
     */
    static final double MATERIAL_PART = 0.05;
    /**
     * What a re-split costs, in minutes of the whole budget: every task restarts (Connect stops each, up to
     * {@code task.shutdown.graceful.timeout.ms}, and starts the new one), and a busy task grows from its
     * handover share to its target only once it has read a state of its generation at every other index (11 s
     * after the 02:38:41 re-split of the 3x6 skewed benchmark, whose minute used 317 of 450; other re-splits
     * cost 30-50 requests in their minute). A quarter of a minute, 112 of 450, sits between the two.
     */
    static final double RESTART_COST_MINUTES = 0.25;

    private final int budget;

    /** @param requestsPerMinute the connector's budget (requests.per.minute), at least 1 */
    public ShareAllocator(int requestsPerMinute) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("The budget must be at least 1 request per minute, got "
                    + requestsPerMinute);
        }
        this.budget = requestsPerMinute;
    }

    public int budget() {
        return budget;
    }

    /**
     * The shares the tasks should have, in task order. Each task gets its live rate (scaled down when the
     * live rates alone exceed the budget, never below 1); the rest goes to the busy tasks in proportion to
     * the requests their backlogs have left (so they tend to finish together), or, when none is busy, to
     * all in proportion to their live rates (evenly for tasks alike; little for a task that only receives
     * events). With fewer requests than tasks, each gets an equal fraction, rounded down to a thousandth.
     */
    public List<Double> target(List<TaskDemand> demands) {
        int n = demands.size();
        if (n == 0) {
            return List.of();
        }
        if (budget < n) {
            double each = Math.floor(budget * 1000.0 / n) / 1000.0;
            return java.util.Collections.nCopies(n, each);
        }
        long[] live = demands.stream().mapToLong(TaskDemand::liveRequestsPerMinute).toArray();
        long[] base = live;
        if (sum(live) > budget) {
            base = apportion(budget - n, live);
            for (int i = 0; i < n; i++) {
                base[i] += 1;
            }
        }
        boolean anyBusy = demands.stream().anyMatch(TaskDemand::busy);
        long[] weights = anyBusy ? demands.stream().mapToLong(TaskDemand::backlogRequests).toArray() : live;
        long[] extra = apportion(budget - sum(base), weights);
        List<Double> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares.add((double) (base[i] + extra[i]));
        }
        return shares;
    }

    /**
     * Whether moving from {@code current} to {@code target} is worth a reconfiguration: the task count
     * changes, a task without a share would get one, or at least {@value #MATERIAL_PART} of the budget moves.
     */
    public boolean differsMaterially(List<Double> current, List<Double> target) {
        if (current.size() != target.size() || anyWaitingTaskGetsAShare(current, target)) {
            return true;
        }
        return material(Placement.unknown(target.size()).moved(current, target));
    }

    private boolean material(double moved) {
        return moved > 0 && moved >= MATERIAL_PART * budget;
    }

    /**
     * Whether moving from {@code current} to {@code target} pays for restarting every task. Needed whatever
     * it costs when the task count changes or a task without a share would get one. Otherwise the move must
     * be material ({@link #differsMaterially}, at least {@value #MATERIAL_PART} of the budget) and, when the
     * requests left are an estimate, what it moves must outweigh the restart over the backlog left:
     * {@code moved × (requestsLeft / budget) > RESTART_COST_MINUTES × budget}, where {@code moved} is what the
     * growing tasks gain per minute and {@code requestsLeft / budget} the minutes the backlog lasts at the
     * whole budget. With 450 a minute, 24 moved with 765 requests left (1.7 minutes) brings 41 requests
     * against a cost of 112: not worth it; 100 moved with 2,200 left (4.9 minutes) brings 489: worth it. No
     * horizon caps the minutes: past {@code RESTART_COST_MINUTES / MATERIAL_PART} (5 minutes) every material
     * move pays, so a cap above that changes nothing, and one below would refuse moves that pay.
     *
     * @param requestsLeft the requests the backlog is estimated to have left; 0 or less when no estimate
     *     exists (no task busy, or no unit behind sized): then a material move is worth it, as it was
     */
    public boolean worthRestarting(List<Double> current, List<Double> target, long requestsLeft) {
        return worthRestarting(current, target, requestsLeft, Placement.unknown(target.size()));
    }

    /**
     * As above, with {@code moved} what the move takes from some worker JVMs to give to others: tasks in one JVM
     * pool their shares, so a move between them brings nothing (see {@link Placement}).
     */
    public boolean worthRestarting(List<Double> current, List<Double> target, long requestsLeft, Placement placement) {
        if (current.size() != target.size() || anyWaitingTaskGetsAShare(current, target)) {
            return true;
        }
        double moved = placement.moved(current, target);
        if (!material(moved)) {
            return false;
        }
        if (requestsLeft <= 0) {
            return true;
        }
        double gained = moved * ((double) requestsLeft / budget);
        return gained > RESTART_COST_MINUTES * budget;
    }

    private static boolean anyWaitingTaskGetsAShare(List<Double> current, List<Double> target) {
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) <= 0 && target.get(i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits {@code total} whole units in proportion to {@code weights} (largest remainder, ties to the
     * lower index), so the parts sum to exactly {@code total}; all-zero weights get nothing.
     */
    static long[] apportion(long total, long[] weights) {
        long[] parts = new long[weights.length];
        long weightSum = sum(weights);
        if (total <= 0 || weightSum == 0) {
            return parts;
        }
        long given = 0;
        long[] remainders = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            parts[i] = Math.multiplyExact(total, weights[i]) / weightSum;
            remainders[i] = Math.multiplyExact(total, weights[i]) % weightSum;
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
