package io.kafkaconnect.cinnox.budget;

import java.util.List;

/**
 * What a deal's estimate had to go on: a unit behind is sized when {@link BacklogEstimate} knows the requests
 * it has left, and weighs a guess otherwise (see {@link DemandEstimator#combine}). The share rules trust the
 * requests left only when some are known, and replace a first deal made before anything was stored early,
 * once, when all are.
 *
 * @param behind the units behind, over all tasks
 * @param sized how many of them the estimate sized
 * @param stored how many of the units to do (behind or not) have a stored cursor
 */
public record BacklogSizing(int behind, int sized, int stored) {

    public BacklogSizing {
        if (behind < 0 || sized < 0 || sized > behind || stored < 0) {
            throw new IllegalArgumentException(sized + " of " + behind + " units behind sized, " + stored + " stored");
        }
    }

    /** A deal made before anything was stored: no unit to do has a cursor, and none behind is sized. */
    public static BacklogSizing nothingStored(int behind) {
        return new BacklogSizing(behind, 0, 0);
    }

    /** A deal over stored cursors, {@code sized} of the {@code behind} units sized. */
    public static BacklogSizing of(int behind, int sized) {
        return new BacklogSizing(behind, sized, behind);
    }

    /** The demands' backlogs taken as they are: every unit behind counts as sized and stored. */
    public static BacklogSizing asGiven(List<TaskDemand> demands) {
        int behind = demands.stream().mapToInt(TaskDemand::backlogUnits).sum();
        return of(behind, behind);
    }

    /** Whether the requests left are an estimate: some unit is behind and at least one of them is sized. */
    public boolean estimated() {
        return sized > 0;
    }

    /** Whether every unit behind is sized, and there is at least one. */
    public boolean complete() {
        return behind > 0 && sized == behind;
    }

    /**
     * Whether the deal was made blind, before any task of this connector stored anything: some unit is behind,
     * its size a guess, and no unit to do has a stored cursor (a fresh deployment, or offsets reset). A
     * connector restarted beside running tasks finds their cursors, so its first deal is never blind.
     */
    public boolean blind() {
        return stored == 0 && sized < behind;
    }
}
