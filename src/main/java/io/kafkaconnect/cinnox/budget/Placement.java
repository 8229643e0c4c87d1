package io.kafkaconnect.cinnox.budget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which worker JVM's rate budget each task draws on, as the tasks' budget states show it: tasks in one JVM
 * pool their shares (see {@code poll.RateBudget}), so moving budget between them changes nothing, and only
 * what a new split moves between JVMs is worth restarting the tasks for. An index whose state is missing,
 * of another generation, or without a pool counts as a JVM of its own, as every task did before.
 *
 * @param pools by task index, the id of the JVM budget the task joined
 */
public record Placement(List<String> pools) {

    public Placement {
        pools = List.copyOf(pools);
    }

    /** Nothing known: every task counts as alone in its JVM. */
    public static Placement unknown(int tasks) {
        List<String> pools = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            pools.add(alone(i));
        }
        return new Placement(pools);
    }

    /** The placement the states of generation {@code generation} show, for {@code tasks} tasks. */
    public static Placement of(Map<Integer, BudgetState> states, String generation, int tasks) {
        List<String> pools = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            BudgetState state = states.get(i);
            boolean known = state != null && !state.pool().isEmpty() && state.generation().equals(generation);
            pools.add(known ? state.pool() : alone(i));
        }
        return new Placement(pools);
    }

    /**
     * What the JVMs that gain from {@code current} to {@code target} gain per minute, summed: the budget a move
     * takes from the other JVMs. Tasks beyond the known placement count as alone.
     */
    public double moved(List<Double> current, List<Double> target) {
        Map<String, Double> gains = new HashMap<>();
        for (int i = 0; i < Math.min(current.size(), target.size()); i++) {
            gains.merge(poolOf(i), target.get(i) - current.get(i), Double::sum);
        }
        return gains.values().stream().mapToDouble(gain -> Math.max(0, gain)).sum();
    }

    private String poolOf(int index) {
        return index < pools.size() ? pools.get(index) : alone(index);
    }

    /** A pool name no JVM publishes (JVM pools are hexadecimal). */
    private static String alone(int index) {
        return "task-" + index;
    }
}
