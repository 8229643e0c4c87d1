package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.UnitPlanner;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The connector's deal of its unfinished units to tasks, with each task's demand beside its units, so
 * that task configurations and the periodic share check see the same tasks. With an enquiry event
 * receiver and two tasks or more, task 0 only receives and needs 1 request a minute.
 *
 * @param groups the units of each task, by task index
 * @param demands what each task needs from the budget, by task index
 * @param receiver whether task 0 hosts the enquiry event receiver
 */
public record TaskPlan(List<List<WorkUnit>> groups, List<TaskDemand> demands, boolean receiver) {

    public TaskPlan {
        groups = groups.stream().map(List::copyOf).toList();
        demands = List.copyOf(demands);
        if (groups.size() != demands.size()) {
            throw new IllegalArgumentException(groups.size() + " task groups but " + demands.size() + " demands");
        }
    }

    /**
     * Deals {@code todo} to at most {@code maxTasks} tasks (see {@link UnitPlanner#assign}) and estimates
     * each task's demand from the units' stored cursors.
     *
     * @param cursors a unit's stored cursor, null when none is stored
     */
    public static TaskPlan deal(List<WorkUnit> todo, int maxTasks, boolean receiving, DemandEstimator estimator,
            Function<WorkUnit, UnitCursor> cursors, Instant now) {
        List<List<WorkUnit>> groups = new ArrayList<>();
        if (!receiving) {
            groups.addAll(UnitPlanner.assign(todo, maxTasks));
        } else if (maxTasks == 1 || todo.isEmpty()) {
            groups.add(todo);
        } else {
            groups.add(List.of());
            groups.addAll(UnitPlanner.assign(todo, maxTasks - 1));
        }
        List<TaskDemand> demands = new ArrayList<>();
        for (List<WorkUnit> group : groups) {
            demands.add(group.isEmpty() ? TaskDemand.idle(1) : estimator.of(group, cursors, now));
        }
        return new TaskPlan(groups, demands, receiving);
    }

    /** The same deal with every task taken as idle: shares by live rates only (shares do not follow demand). */
    public TaskPlan withoutBacklogs() {
        return new TaskPlan(groups, demands.stream().map(d -> TaskDemand.idle(d.liveRequestsPerMinute())).toList(),
                receiver);
    }

    /**
     * Whether some task of this plan has units and none of them is still to do: its units have all
     * finished, so dealing again gives its time and share to work that is left.
     */
    public boolean anyTaskFinished(Collection<WorkUnit> stillToDo) {
        Set<WorkUnit> todo = new HashSet<>(stillToDo);
        return groups.stream().anyMatch(group -> !group.isEmpty() && group.stream().noneMatch(todo::contains));
    }
}
