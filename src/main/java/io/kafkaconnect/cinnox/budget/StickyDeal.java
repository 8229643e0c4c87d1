package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.work.UnitPlanner;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deals units again without moving the ones still to do: a unit that finished leaves its task, a new one
 * goes to the task with the fewest. Dealt afresh, every unit after a finished one would move to another task
 * index, so the split by demand would see shares move that only followed their units. Pure.
 */
final class StickyDeal {

    private static final Comparator<List<WorkUnit>> BY_SIZE = Comparator.comparingInt(List::size);

    private StickyDeal() {
    }

    /**
     * The groups of {@code previous} kept for {@code todo}; empty when a fresh deal should be made instead: no
     * previous deal, {@code maxTasks} below its task count, more tasks worth running than it has, or no unit of
     * it left to do.
     */
    static Optional<List<List<WorkUnit>>> keep(List<WorkUnit> todo, int maxTasks, List<List<WorkUnit>> previous) {
        int tasks = previous.size();
        if (tasks == 0 || tasks > maxTasks || tasks < Math.min(maxTasks, todo.size())) {
            return Optional.empty();
        }
        Set<WorkUnit> left = new HashSet<>(todo);
        List<List<WorkUnit>> groups = new ArrayList<>();
        Set<WorkUnit> kept = new HashSet<>();
        for (List<WorkUnit> group : previous) {
            List<WorkUnit> still = new ArrayList<>(group.stream().filter(left::contains).toList());
            kept.addAll(still);
            groups.add(still);
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<WorkUnit> added = todo.stream().filter(unit -> !kept.contains(unit)).toList();
        for (WorkUnit unit : UnitPlanner.assign(added, 1).stream().flatMap(List::stream).toList()) {
            smallest(groups).add(unit);
        }
        fillEmpty(groups);
        return Optional.of(groups.stream().map(List::copyOf).toList());
    }

    /** Gives each empty group the last unit of the largest, while that one holds two or more. */
    private static void fillEmpty(List<List<WorkUnit>> groups) {
        for (List<WorkUnit> group : groups) {
            List<WorkUnit> largest = largest(groups);
            if (group.isEmpty() && largest.size() > 1) {
                group.add(largest.remove(largest.size() - 1));
            }
        }
    }

    /** The first of the groups holding the fewest units. */
    private static List<WorkUnit> smallest(List<List<WorkUnit>> groups) {
        return Collections.min(groups, BY_SIZE);
    }

    /** The first of the groups holding the most units. */
    private static List<WorkUnit> largest(List<List<WorkUnit>> groups) {
        return Collections.max(groups, BY_SIZE);
    }
}
