package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deals the connector's units and request shares to its tasks, and tells the connector's periodic check
 * when a new deal is worth a reconfiguration: a task's units have all finished, or the split demand calls
 * for moves a material part of the budget. Thread-safe: Connect calls {@code taskConfigs} on its herder
 * thread, the check runs on the connector's scheduler.
 */
public final class TaskDealer {

    /** One deal: the tasks' units and demands, their shares and the targets they may grow to, by task index. */
    public record Deal(TaskPlan plan, List<Double> shares, List<Double> targets) {
        public Deal(TaskPlan plan, List<Double> shares) {
            this(plan, shares, shares);
        }
    }

    private final DemandEstimator estimator;
    private final boolean receiving;
    private final ShareAllocator allocator;
    private final ShareRebalancer rebalancer;
    private final boolean followDemand;
    private List<Double> fixedShares = List.of();
    private TaskPlan dealt;
    private int maxTasks = 1;

    /**
     * @param budget requests.per.minute
     * @param checkInterval requests.share.check.interval.ms; zero keeps shares by live work only, without
     *     a handover (the split changes only with the deal, as it did before shares followed demand)
     * @param receiving whether task 0 hosts the enquiry event receiver
     */
    public TaskDealer(DemandEstimator estimator, int budget, Duration checkInterval, boolean receiving) {
        this(estimator, budget, checkInterval, receiving, false);
    }

    /** @param tasksGrow whether tasks grow to their targets themselves (see {@link ShareRebalancer#next}) */
    public TaskDealer(DemandEstimator estimator, int budget, Duration checkInterval, boolean receiving,
            boolean tasksGrow) {
        this.estimator = estimator;
        this.receiving = receiving;
        this.followDemand = !checkInterval.isZero();
        this.allocator = new ShareAllocator(budget);
        this.rebalancer = new ShareRebalancer(budget, checkInterval, tasksGrow);
    }

    /**
     * The deal for {@code taskConfigs}: {@code todo} dealt to at most {@code maxTasks} tasks, with shares by
     * demand (see {@link ShareRebalancer#nextGeneration}), remembered for the next check.
     *
     * @param cursors a unit's stored cursor, null when none is stored
     */
    public synchronized Deal deal(List<WorkUnit> todo, int maxTasks, Function<WorkUnit, UnitCursor> cursors,
            Instant now) {
        TaskPlan plan = plan(todo, maxTasks, cursors, now);
        this.maxTasks = maxTasks;
        this.dealt = plan;
        if (!followDemand) {
            fixedShares = allocator.target(plan.demands());
            return new Deal(plan, fixedShares);
        }
        ShareRebalancer.Generation generation = rebalancer.next(plan.demands(), now);
        return new Deal(plan, generation.shares(), generation.targets());
    }

    /**
     * Why the tasks should be configured again now, if they should: a task's units have all finished (it
     * would idle while others work), or shares follow demand, the check interval has passed since they last
     * changed, and the split the demands call for moves a material part of the budget.
     */
    public synchronized Optional<String> reasonToDealAgain(List<WorkUnit> todo, Function<WorkUnit, UnitCursor> cursors,
            Instant now) {
        if (dealt == null) {
            return Optional.empty();
        }
        if (dealt.anyTaskFinished(todo)) {
            return Optional.of("the units of a task have all finished");
        }
        TaskPlan plan = plan(todo, maxTasks, cursors, now);
        if (followDemand && rebalancer.due(now) && rebalancer.worthChanging(plan.demands())) {
            return Optional.of("the tasks' demand changed: " + plan.demands());
        }
        return Optional.empty();
    }

    /** The shares of the tasks dealt last, by task index. */
    public synchronized List<Double> shares() {
        return followDemand ? rebalancer.current() : fixedShares;
    }

    private TaskPlan plan(List<WorkUnit> todo, int tasks, Function<WorkUnit, UnitCursor> cursors, Instant now) {
        TaskPlan plan = TaskPlan.deal(todo, tasks, receiving, estimator, cursors, now);
        return followDemand ? plan : plan.withoutBacklogs();
    }
}
