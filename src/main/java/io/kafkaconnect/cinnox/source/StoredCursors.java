package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cursors Connect stored for the connector's units, read with one {@code offsets()} call, so that planning
 * and dealing see which units are finished. A cursor that cannot be read counts as not finished: the task
 * that loads it reports it. Connect's reader answers every partition asked for, with null where nothing is stored:
 * those have no cursor (a fresh deployment's first deal is then known to be blind).
 */
final class StoredCursors {

    private static final Logger log = LoggerFactory.getLogger(StoredCursors.class);

    private final Map<Map<String, Object>, UnitCursor> cursors;

    private StoredCursors(Map<Map<String, Object>, UnitCursor> cursors) {
        this.cursors = cursors;
    }

    static StoredCursors read(OffsetStorageReader reader, List<WorkUnit> units) {
        List<Map<String, Object>> partitions = units.stream().map(WorkUnit::toPartition).toList();
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
        Map<Map<String, Object>, UnitCursor> cursors = new HashMap<>();
        if (offsets == null) {
            return new StoredCursors(cursors);
        }
        Map<Map<String, Object>, WorkUnit> byPartition = new HashMap<>();
        units.forEach(unit -> byPartition.put(unit.toPartition(), unit));
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                return;
            }
            try {
                cursors.put(partition, UnitCursor.fromOffset(byPartition.get(partition).report().kind(), offset));
            } catch (IllegalArgumentException e) {
                log.warn("Stored offset of {} cannot be read; the task will report it: {}", partition, e.getMessage());
            }
        });
        return new StoredCursors(cursors);
    }

    /** The stored cursor of {@code unit}; null when none was stored or it cannot be read. */
    UnitCursor of(WorkUnit unit) {
        return cursors.get(unit.toPartition());
    }
}
