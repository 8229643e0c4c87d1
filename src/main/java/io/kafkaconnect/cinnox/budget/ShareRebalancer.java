package io.kafkaconnect.cinnox.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The connector's memory of the shares its running tasks hold, and its rule for changing them: not more
 * often than once per interval, only when demand moved a material part of the budget, and always through
 * a {@link ShareHandover} so that old and new tasks together stay inside the budget. Not thread-safe: the
 * connector calls it from its one scheduler thread and from {@code taskConfigs}, under its own lock.
 */
public final class ShareRebalancer {

    private final ShareAllocator allocator;
    private final ShareHandover handover;
    private final Duration interval;
    private final boolean tasksGrow;
    private List<Double> current = List.of();
    private Instant changedAt = Instant.MIN;

    /**
     * @param budget the requests per minute to split
     * @param interval the shortest time between two generations of shares; a reconfiguration must have
     *     replaced the previous generation's tasks within it
     */
    public ShareRebalancer(int budget, Duration interval) {
        this(budget, interval, false);
    }

    /**
     * @param tasksGrow whether tasks grow from their share to their target themselves once every task of
     *     their generation has started (they see it in the budget states the tasks publish, see
     *     docs/design/connector.md, "Lending between workers"); the next handover then assumes the targets
     */
    public ShareRebalancer(int budget, Duration interval, boolean tasksGrow) {
        this.allocator = new ShareAllocator(budget);
        this.handover = new ShareHandover(budget);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.tasksGrow = tasksGrow;
    }

    /**
     * One generation: the shares tasks start with and the targets they may grow to once the previous
     * generation has gone (equal unless tasks grow).
     */
    public record Generation(List<Double> shares, List<Double> targets) {
    }

    /** The shares of the generation handed out last, by task index; empty before the first. */
    public List<Double> current() {
        return current;
    }

    /** Whether the interval since the last generation has passed, so a new one may be handed out. */
    public boolean due(Instant now) {
        return !now.isBefore(changedAt.plus(interval));
    }

    /**
     * Whether the demands call for a new generation: the split they want moves a material part of the
     * budget away from the current one, and the handover can move at least part of it now.
     */
    public boolean worthChanging(List<TaskDemand> demands) {
        List<Double> target = allocator.target(demands);
        return allocator.differsMaterially(current, target) && !handover.next(current, target).equals(current);
    }

    /**
     * The shares of the next generation for tasks with these demands, remembered as the current ones.
     * Called whenever the connector builds task configurations, also for reasons of its own (a new chunk,
     * finished units). Before the interval has passed the running shares stay as they are, so no more
     * than two generations ever overlap: a task index new in this generation gets 0 until the next one.
     */
    public List<Double> nextGeneration(List<TaskDemand> demands, Instant now) {
        return next(demands, now).shares();
    }

    /**
     * As {@link #nextGeneration}, with the targets: when tasks grow and the task count does not shrink (a
     * task can then see every index's state), a task starts with its handover share and grows to its target
     * itself once every other index runs a task of its generation, so the old generation has gone. What is
     * remembered for the next handover is then the targets, the most each task may use.
     */
    public Generation next(List<TaskDemand> demands, Instant now) {
        List<Double> target = allocator.target(demands);
        boolean due = due(now);
        List<Double> next = due ? handover.next(current, target) : keepRunning(target.size());
        List<Double> targets = tasksGrow && due && target.size() >= current.size() ? target : next;
        if (due && !targets.equals(current)) {
            changedAt = now;
        }
        current = targets;
        return new Generation(next, targets);
    }

    private List<Double> keepRunning(int tasks) {
        List<Double> kept = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            kept.add(i < current.size() ? current.get(i) : 0.0);
        }
        return kept;
    }
}
