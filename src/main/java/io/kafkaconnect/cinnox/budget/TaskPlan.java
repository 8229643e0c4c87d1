package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.UnitPlanner;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * @param sizing what the estimate had to go on: the units behind, how many it sized, how many have a cursor
 */
public record TaskPlan(List<List<WorkUnit>> groups, List<TaskDemand> demands, boolean receiver,
        BacklogSizing sizing) {

    public TaskPlan {
        groups = groups.stream().map(List::copyOf).toList();
        demands = List.copyOf(demands);
        if (groups.size() != demands.size()) {
            throw new IllegalArgumentException(groups.size() + " task groups but " + demands.size() + " demands");
        }
    }

    /** A plan whose demands are taken as they are (every unit behind sized and stored). */
    public TaskPlan(List<List<WorkUnit>> groups, List<TaskDemand> demands, boolean receiver) {
        this(groups, demands, receiver, BacklogSizing.asGiven(demands));
    }

    /**
     * Deals {@code todo} to at most {@code maxTasks} tasks (see {@link UnitPlanner#assign}) and estimates
     * each task's demand from the units' stored cursors, its backlog counted in units.
     *
     * @param cursors a unit's stored cursor, null when none is stored
     */
    public static TaskPlan deal(List<WorkUnit> todo, int maxTasks, boolean receiving, DemandEstimator estimator,
            Function<WorkUnit, UnitCursor> cursors, Instant now) {
        return deal(todo, maxTasks, receiving, estimator, cursors, unit -> List.of(), now);
    }

    /**
     * As above, with the tallies of the units' stored buckets, so that each task's backlog weighs the
     * requests its units have left (see {@link DemandEstimator#combine}).
     *
     * @param ledgers the tallies of a unit's stored buckets; empty when none were read
     */
    public static TaskPlan deal(List<WorkUnit> todo, int maxTasks, boolean receiving, DemandEstimator estimator,
            Function<WorkUnit, UnitCursor> cursors, Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        return deal(todo, maxTasks, receiving, estimator, cursors, ledgers, List.of(), now);
    }

    /**
     * As above, keeping the units of {@code previous} (the groups dealt last) on their tasks while some unit
     * is behind (see {@link StickyDeal}); once none is, or when the task count should change, dealt afresh.
     */
    public static TaskPlan deal(List<WorkUnit> todo, int maxTasks, boolean receiving, DemandEstimator estimator,
            Function<WorkUnit, UnitCursor> cursors, Function<WorkUnit, List<LedgerTally>> ledgers,
            List<List<WorkUnit>> previous, Instant now) {
        boolean apart = receiving && maxTasks > 1 && !todo.isEmpty();
        List<List<WorkUnit>> kept = apart && !previous.isEmpty() ? previous.subList(1, previous.size()) : previous;
        Optional<List<List<WorkUnit>>> sticky = StickyDeal.keep(todo, apart ? maxTasks - 1 : maxTasks, kept);
        if (sticky.isPresent()) {
            TaskPlan plan = estimate(withReceiver(apart, sticky.get()), receiving, estimator, cursors, ledgers, now);
            if (plan.demands().stream().anyMatch(TaskDemand::busy)) {
                return plan;
            }
        }
        List<List<WorkUnit>> groups;
        if (!receiving) {
            groups = UnitPlanner.assign(todo, maxTasks);
        } else if (!apart) {
            groups = List.of(todo);
        } else {
            groups = withReceiver(true, UnitPlanner.assign(todo, maxTasks - 1));
        }
        return estimate(groups, receiving, estimator, cursors, ledgers, now);
    }

    private static List<List<WorkUnit>> withReceiver(boolean apart, List<List<WorkUnit>> polling) {
        List<List<WorkUnit>> groups = new ArrayList<>();
        if (apart) {
            groups.add(List.of());
        }
        groups.addAll(polling);
        return groups;
    }

    private static TaskPlan estimate(List<List<WorkUnit>> groups, boolean receiving, DemandEstimator estimator,
            Function<WorkUnit, UnitCursor> cursors, Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        estimator.learn(groups.stream().flatMap(List::stream).toList(), cursors, ledgers, now);
        List<List<DemandEstimator.UnitDemand>> units = new ArrayList<>();
        int behind = 0;
        int sized = 0;
        int stored = 0;
        for (List<WorkUnit> group : groups) {
            List<DemandEstimator.UnitDemand> demands = estimator.units(group, cursors, ledgers, now);
            units.add(demands);
            for (DemandEstimator.UnitDemand unit : demands) {
                behind += unit.behind() ? 1 : 0;
                sized += unit.behind() && unit.requestsLeft().isPresent() ? 1 : 0;
            }
            stored += (int) group.stream().filter(unit -> cursors.apply(unit) != null).count();
        }
        List<TaskDemand> combined = DemandEstimator.combine(units);
        List<TaskDemand> demands = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            demands.add(groups.get(i).isEmpty() ? TaskDemand.idle(1) : combined.get(i));
        }
        return new TaskPlan(groups, demands, receiving, new BacklogSizing(behind, sized, stored));
    }

    /**
     * The same deal with every task taken as idle, at the live rate of all its units as they will be once
     * caught up: shares by live rates only (shares do not follow demand).
     */
    public TaskPlan withoutBacklogs(DemandEstimator estimator) {
        List<TaskDemand> idle = new ArrayList<>(groups.size());
        for (List<WorkUnit> group : groups) {
            idle.add(TaskDemand.idle(Math.max(1, group.stream().mapToInt(estimator::liveRate).sum())));
        }
        return new TaskPlan(groups, idle, receiver, new BacklogSizing(0, 0, sizing.stored()));
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
