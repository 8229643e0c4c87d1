package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tallies of the stored buckets of the units the connector weighs (the windowed units behind), read
 * with one {@code offsets()} call, so that the split of the budget follows the work each task has left. A
 * bucket that cannot be read counts as empty: its task reports it.
 */
final class StoredLedgers {

    private static final Logger log = LoggerFactory.getLogger(StoredLedgers.class);

    private final Map<WorkUnit, List<LedgerTally>> tallies;

    private StoredLedgers(Map<WorkUnit, List<LedgerTally>> tallies) {
        this.tallies = tallies;
    }

    /** Reads every bucket of each unit's range up to {@code now} (at most a chunk of buckets per unit). */
    static StoredLedgers read(OffsetStorageReader reader, List<WorkUnit> units, Duration grain, Instant historyStart,
            Instant now) {
        Map<WorkUnit, Map<Bucket, Map<String, Object>>> buckets = new HashMap<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (WorkUnit unit : units) {
            TimeRange range = TimeRange.of(unit, historyStart);
            Instant end = range.end().isBefore(now) ? range.end() : now;
            Map<Bucket, Map<String, Object>> covering = new LinkedHashMap<>();
            Map<String, Object> unitPartition = unit.toPartition();
            Bucket.covering(range.start(), end, grain).forEach(b -> covering.put(b, b.partition(unitPartition)));
            buckets.put(unit, covering);
            partitions.addAll(covering.values());
        }
        Map<WorkUnit, List<LedgerTally>> tallies = new HashMap<>();
        if (partitions.isEmpty()) {
            return new StoredLedgers(tallies);
        }
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
        buckets.forEach((unit, covering) -> {
            List<LedgerTally> counted = new ArrayList<>();
            for (Map.Entry<Bucket, Map<String, Object>> bucket : covering.entrySet()) {
                Map<String, Object> offset = offsets == null ? null : offsets.get(bucket.getValue());
                try {
                    counted.add(LedgerTally.of(bucket.getKey(), offset));
                } catch (IllegalArgumentException e) {
                    log.warn("Stored ledger of {} at {} cannot be counted: {}", unit, bucket.getKey(), e.getMessage());
                }
            }
            tallies.put(unit, counted);
        });
        return new StoredLedgers(tallies);
    }

    /**
     * The tallies of the windowed units among {@code units}; none for any unit when they cannot be read (the
     * units are then weighed by their cursors only).
     */
    static Function<WorkUnit, List<LedgerTally>> readOrNone(OffsetStorageReader reader, List<WorkUnit> units,
            Duration grain, Instant historyStart, Instant now) {
        List<WorkUnit> windowed = units.stream().filter(unit -> unit.report().kind() == Report.Kind.WINDOWED).toList();
        try {
            return read(reader, windowed, grain, historyStart, now)::of;
        } catch (RuntimeException e) {
            log.warn("Could not read the ledgers of the units behind; weighing them by their cursors: {}", e.toString());
            return unit -> List.of();
        }
    }

    /** The tallies of {@code unit}'s stored buckets, oldest first; empty when none were read. */
    List<LedgerTally> of(WorkUnit unit) {
        return tallies.getOrDefault(unit, List.of());
    }
}
