package io.kafkaconnect.cinnox.budget;

/**
 * What one task needs from the account's request budget, as the connector estimates it from the stored
 * offsets of the task's units: a small steady rate for its caught-up (live) work, and a claim on the rest
 * of the budget for each unit that is behind.
 *
 * @param liveRequestsPerMinute the requests per minute its caught-up work needs (live polls, sweeps); at least 1
 * @param backlogUnits how many of its units are behind (a backlog of windows or of child work); 0 = idle
 */
public record TaskDemand(int liveRequestsPerMinute, int backlogUnits) {

    public TaskDemand {
        if (liveRequestsPerMinute < 1 || backlogUnits < 0) {
            throw new IllegalArgumentException("A task needs at least 1 request per minute and a backlog of 0 or"
                    + " more units, got " + liveRequestsPerMinute + " and " + backlogUnits);
        }
    }

    /** A task whose units have all caught up: it needs only its live rate. */
    public static TaskDemand idle(int liveRequestsPerMinute) {
        return new TaskDemand(liveRequestsPerMinute, 0);
    }

    public boolean busy() {
        return backlogUnits > 0;
    }
}
