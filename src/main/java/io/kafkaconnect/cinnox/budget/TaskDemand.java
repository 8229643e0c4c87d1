package io.kafkaconnect.cinnox.budget;

/**
 * What one task needs from the account's request budget, as the connector estimates it from the stored
 * offsets of the task's units: a small steady rate for its caught-up (live) work, and a claim on the rest
 * of the budget that weighs the backlog its units have left.
 *
 * @param liveRequestsPerMinute the requests per minute its caught-up work needs (live polls, sweeps); at least 1
 * @param backlogUnits how many of its units are behind (a backlog of windows or of child work); 0 = idle
 * @param backlogRequests the requests its units behind are estimated to have left, at least one per unit
 *     behind; 0 when none is
 */
public record TaskDemand(int liveRequestsPerMinute, int backlogUnits, long backlogRequests) {

    public TaskDemand {
        if (liveRequestsPerMinute < 1 || backlogUnits < 0) {
            throw new IllegalArgumentException("A task needs at least 1 request per minute and a backlog of 0 or"
                    + " more units, got " + liveRequestsPerMinute + " and " + backlogUnits);
        }
        if (backlogRequests < backlogUnits || (backlogUnits == 0 && backlogRequests != 0)) {
            throw new IllegalArgumentException("A backlog of " + backlogUnits + " units cannot have "
                    + backlogRequests + " requests left");
        }
    }

    /** A task whose backlog is counted in units only: each unit behind weighs one. */
    public TaskDemand(int liveRequestsPerMinute, int backlogUnits) {
        this(liveRequestsPerMinute, backlogUnits, backlogUnits);
    }

    /** A task whose units have all caught up: it needs only its live rate. */
    public static TaskDemand idle(int liveRequestsPerMinute) {
        return new TaskDemand(liveRequestsPerMinute, 0);
    }

    public boolean busy() {
        return backlogUnits > 0;
    }
}
