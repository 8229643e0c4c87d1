package io.kafkaconnect.cinnox.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The connector's memory of the shares its running tasks hold, and its rule for changing them: not more
 * often than once per interval (the blind first generation once sooner), only when the move pays for the
 * restart ({@link ShareAllocator#worthRestarting}), and always through a {@link ShareHandover} so that old
 * and new tasks together stay inside the budget. Not thread-safe: the connector calls it from its one
 * scheduler thread and from {@code taskConfigs}, under its own lock.
 */
public final class ShareRebalancer {

    /**
     * How soon after the first generation the connector may replace it, once, when that generation was dealt
     * blind ({@link BacklogSizing#blind}: nothing stored yet) and every unit behind is sized now: the tasks
     * have started, read pages, and had their offsets flushed at least once under a 10 s
     * {@code offset.flush.interval.ms}.
     */
    public static final Duration FIRST_RESPLIT_AFTER = Duration.ofSeconds(20);
    /**
     * How long after a blind first generation the connector watches for the first sizes (reading often, see
     * {@link #earlyOpen}): two of Connect's default 60 s offset flushes. With that default the sizes show up
     * about when the interval has passed, and the re-split then follows them within seconds instead of at
     * the next once-a-minute read. Past it, a unit still not sized has read nothing (an empty chunk).
     */
    public static final Duration FIRST_RESPLIT_WATCH = Duration.ofMinutes(2);

    private final ShareAllocator allocator;
    private final ShareHandover handover;
    private final Duration interval;
    private final boolean tasksGrow;
    private List<Double> current = List.of();
    private Instant changedAt = Instant.MIN;
    /** When the blind first generation was handed out, while it runs and is watched; null otherwise. */
    private Instant blindFirstAt;

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
     * Whether the first generation, dealt blind, is watched for the first sizes now: it is the one running,
     * {@link #FIRST_RESPLIT_AFTER} has passed and {@link #FIRST_RESPLIT_WATCH} has not, and no check found
     * every unit behind sized yet ({@link #informed}). Before the interval it may then be replaced early:
     * dealt before any task of this connector stored anything, it has no predecessor that ran beyond one
     * offset flush, so replacing it sooner cannot make three generations overlap (docs/design/connector.md,
     * "When." and the failure mode of a connector restarted while its tasks run, say what it changes).
     */
    public boolean earlyOpen(Instant now) {
        return blindFirstAt != null && !now.isBefore(blindFirstAt.plus(FIRST_RESPLIT_AFTER))
                && now.isBefore(blindFirstAt.plus(FIRST_RESPLIT_WATCH));
    }

    /**
     * Whether a new generation may be handed out now: the interval has passed, or the blind first generation
     * is watched ({@link #earlyOpen}) and every unit behind is sized.
     */
    public boolean mayChange(Instant now, BacklogSizing sizing) {
        return due(now) || earlyOpen(now) && sizing.complete();
    }

    /**
     * A check found every unit behind sized and no reason to re-split: the blind first generation is as good
     * as an informed one, so it is no longer watched, and only the interval rule applies from now on.
     */
    public void informed() {
        blindFirstAt = null;
    }

    /** As {@link #worthChanging(List, BacklogSizing)}, the demands' backlogs taken as estimated. */
    public boolean worthChanging(List<TaskDemand> demands) {
        return worthChanging(demands, BacklogSizing.asGiven(demands));
    }

    /**
     * Whether the demands call for a new generation: the split they want pays for restarting every task
     * ({@link ShareAllocator#worthRestarting}, over the requests left when some unit behind is sized), and
     * the handover can move at least part of it now.
     */
    public boolean worthChanging(List<TaskDemand> demands, BacklogSizing sizing) {
        return worthChanging(demands, sizing, Placement.unknown(demands.size()));
    }

    /** As above, counting only what moves between worker JVMs ({@link Placement}). */
    public boolean worthChanging(List<TaskDemand> demands, BacklogSizing sizing, Placement placement) {
        List<Double> target = allocator.target(demands);
        long left = sizing.estimated() ? demands.stream().mapToLong(TaskDemand::backlogRequests).sum() : 0;
        return allocator.worthRestarting(current, target, left, placement)
                && !handover.next(current, target).equals(current);
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

    /** As {@link #nextGeneration(List, Instant)}, knowing how many units behind were sized. */
    public List<Double> nextGeneration(List<TaskDemand> demands, BacklogSizing sizing, Instant now) {
        return next(demands, sizing, now).shares();
    }

    /** As {@link #next(List, BacklogSizing, Instant)}, the demands' backlogs taken as estimated. */
    public Generation next(List<TaskDemand> demands, Instant now) {
        return next(demands, BacklogSizing.asGiven(demands), now);
    }

    /**
     * As {@link #nextGeneration}, with the targets: when tasks grow and the task count does not shrink (a
     * task can then see every index's state), a task starts with its handover share and grows to its target
     * itself once every other index runs a task of its generation, so the old generation has gone. What is
     * remembered for the next handover is then the targets, the most each task may use. The first
     * generation, when {@code sizing} shows it dealt blind, may be replaced once before the interval (see
     * {@link #mayChange}); any later one, or a first one dealt over stored cursors, waits for it.
     */
    public Generation next(List<TaskDemand> demands, BacklogSizing sizing, Instant now) {
        List<Double> target = allocator.target(demands);
        boolean first = current.isEmpty() && changedAt.equals(Instant.MIN);
        boolean due = mayChange(now, sizing);
        if (due && !first) {
            blindFirstAt = null;
        }
        List<Double> next = due ? handover.next(current, target) : keepRunning(target.size());
        List<Double> targets = tasksGrow && due && target.size() >= current.size() ? target : next;
        if (due && !targets.equals(current)) {
            changedAt = now;
        }
        if (first && sizing.blind()) {
            blindFirstAt = now;
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
