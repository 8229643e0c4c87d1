package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deals the connector's units and request shares to its tasks, and tells the connector's periodic check
 * when a new deal is worth a reconfiguration: the split demand calls for pays for restarting the tasks
 * (or, with fixed shares, a task's units have all finished). Thread-safe: Connect calls {@code taskConfigs}
 * on its herder thread, the check runs on the connector's scheduler.
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
    private Optional<BacklogSizing> watched = Optional.empty();

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
        return deal(todo, maxTasks, cursors, unit -> List.of(), now);
    }

    /**
     * As above, the backlogs weighed with the tallies of the units' stored buckets.
     *
     * @param ledgers the tallies of a unit's stored buckets; empty when none were read
     */
    public synchronized Deal deal(List<WorkUnit> todo, int maxTasks, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        TaskPlan plan = plan(todo, maxTasks, cursors, ledgers, now);
        this.maxTasks = maxTasks;
        this.dealt = plan;
        if (!followDemand) {
            fixedShares = allocator.target(plan.demands());
            return new Deal(plan, fixedShares);
        }
        ShareRebalancer.Generation generation = rebalancer.next(plan.demands(), plan.sizing(), now);
        return new Deal(plan, generation.shares(), generation.targets());
    }

    /**
     * Why the tasks should be configured again now, if they should. With shares that follow demand: the
     * check interval has passed since they last changed (or the first deal was blind and every unit behind
     * is sized now, see {@link ShareRebalancer#mayChange}) and the split the demands call for pays for
     * restarting every task ({@link ShareAllocator#worthRestarting}; a task whose units have all finished is
     * one such case when its share is worth moving for the backlog left). With fixed shares: a task's units
     * have all finished, so its time and share go to work that is left.
     */
    public synchronized Optional<String> reasonToDealAgain(List<WorkUnit> todo, Function<WorkUnit, UnitCursor> cursors,
            Instant now) {
        return reasonToDealAgain(todo, cursors, unit -> List.of(), now);
    }

    /**
     * As above, the backlogs weighed with the tallies of the units' stored buckets.
     *
     * @param ledgers the tallies of a unit's stored buckets; empty when none were read
     */
    public synchronized Optional<String> reasonToDealAgain(List<WorkUnit> todo, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        return reasonToDealAgain(todo, cursors, ledgers, Placement.unknown(0), now);
    }

    /**
     * As above, a split judged by what it moves between worker JVMs ({@link Placement}): tasks in one JVM pool
     * their shares, so a move between them is not worth a restart.
     */
    public synchronized Optional<String> reasonToDealAgain(List<WorkUnit> todo, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Placement placement, Instant now) {
        if (dealt == null) {
            return Optional.empty();
        }
        if (!followDemand) {
            return dealt.anyTaskFinished(todo) ? Optional.of("the units of a task have all finished") : Optional.empty();
        }
        TaskPlan plan = plan(todo, maxTasks, cursors, ledgers, now);
        if (rebalancer.mayChange(now, plan.sizing())
                && rebalancer.worthChanging(plan.demands(), plan.sizing(), placement)) {
            String finished = dealt.anyTaskFinished(todo) ? "the units of a task have all finished; " : "";
            String early = rebalancer.due(now) ? "" : "the first deal was blind and every unit behind is sized; ";
            return Optional.of(finished + early + "the tasks' demand changed: " + plan.demands());
        }
        if (plan.sizing().complete() && rebalancer.earlyOpen(now)) {
            rebalancer.informed();
        }
        watched = rebalancer.earlyOpen(now) ? Optional.of(plan.sizing()) : Optional.empty();
        return Optional.empty();
    }

    /**
     * Whether a check now could find a reason to deal again: always with fixed shares; with shares that
     * follow demand, once the check interval has passed since they last changed, or while the blind first
     * deal is watched for the first sizes (so the connector reads the offsets only then, and may check often
     * without waiting a whole extra interval).
     */
    public synchronized boolean checkDue(Instant now) {
        return dealt != null && (!followDemand || rebalancer.due(now) || rebalancer.earlyOpen(now));
    }

    /**
     * Whether the blind first deal is watched for the first sizes ({@link ShareRebalancer#earlyOpen}): the
     * connector then reads the offsets more often than once a minute, to re-split as soon as they are flushed
     * (before the check interval once every unit behind is sized, after it by the interval rule).
     */
    public synchronized boolean earlyCheck(Instant now) {
        return dealt != null && followDemand && rebalancer.earlyOpen(now);
    }

    /**
     * While a blind first deal is watched, what the last check found that did not call for a new deal: how many
     * of the units behind the estimate could size (the early re-split waits for all); empty otherwise.
     */
    public synchronized Optional<BacklogSizing> watchedSizing() {
        return watched;
    }

    /** The shares of the tasks dealt last, by task index. */
    public synchronized List<Double> shares() {
        return followDemand ? rebalancer.current() : fixedShares;
    }

    private TaskPlan plan(List<WorkUnit> todo, int tasks, Function<WorkUnit, UnitCursor> cursors,
            Function<WorkUnit, List<LedgerTally>> ledgers, Instant now) {
        List<List<WorkUnit>> previous = dealt == null || !followDemand ? List.of() : dealt.groups();
        TaskPlan plan = TaskPlan.deal(todo, tasks, receiving, estimator, cursors, ledgers, previous, now);
        return followDemand ? plan : plan.withoutBacklogs(estimator);
    }
}
