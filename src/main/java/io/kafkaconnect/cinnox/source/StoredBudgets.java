package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The budget states the tasks published in Connect's source offsets, read with one {@code offsets()} call:
 * the tasks read each other's to lend, the connector reads them to see which tasks share a worker JVM. A state
 * that is missing or cannot be read is left out.
 */
final class StoredBudgets {

    private StoredBudgets() {
    }

    /** The states of the task indexes {@code indexes}, by index. */
    static Map<Integer, BudgetState> read(OffsetStorageReader reader, List<Integer> indexes) {
        List<Map<String, Object>> partitions = new ArrayList<>();
        indexes.forEach(i -> partitions.add(BudgetState.partition(i)));
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
        Map<Integer, BudgetState> states = new HashMap<>();
        for (int i : indexes) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(BudgetState.partition(i));
            BudgetState.read(offset).ifPresent(state -> states.put(i, state));
        }
        return states;
    }

    /** Where the {@code tasks} tasks of generation {@code generation} run, as their states show. */
    static Placement placement(OffsetStorageReader reader, String generation, int tasks) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            indexes.add(i);
        }
        return Placement.of(read(reader, indexes), generation, tasks);
    }
}
