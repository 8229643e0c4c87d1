package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.List;

/** One state of a record's status timeline: from {@code at} on, the status is {@code status}. */
record Step(Instant at, String status) {

    /** The step in force at {@code now}: the last one not after it, or the first if none started yet. */
    static Step current(List<Step> steps, Instant now) {
        Step current = steps.get(0);
        for (Step s : steps) {
            if (s.at().isAfter(now)) {
                break;
            }
            current = s;
        }
        return current;
    }

    static void addChanges(List<Change> out, String endpoint, String id, String field, List<Step> steps) {
        for (int i = 1; i < steps.size(); i++) {
            out.add(new Change(endpoint, id, steps.get(i).at(),
                    field + " " + steps.get(i - 1).status() + " -> " + steps.get(i).status()));
        }
    }
}
