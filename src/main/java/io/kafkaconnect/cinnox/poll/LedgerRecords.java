package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one step of a windowed unit. A row's record carries its bucket's partition: the state
 * from before the step, except the bucket's last record in the step, which carries the state after it
 * (Connect commits each partition in order, so a ledger says "sent" only once its rows were acknowledged).
 * Rows without a bucket carry the unit's partition the same way. A changed bucket no record carries gets a
 * heartbeat of its own; the unit's cursor, when no row carried it, a heartbeat at most once per interval.
 */
final class LedgerRecords {

    private record Item<T>(ReportFormat<T> format, T model, Bucket bucket) {
    }

    private final List<Item<?>> items = new ArrayList<>();

    /** Adds a record; {@code bucket} null means it carries the unit's own partition. */
    <T> void add(ReportFormat<T> format, T model, Bucket bucket) {
        items.add(new Item<>(format, model, bucket));
    }

    <T> void addAll(ReportFormat<T> format, List<T> models, Bucket bucket) {
        models.forEach(m -> add(format, m, bucket));
    }

    /**
     * Builds the records.
     *
     * @param before the state of each bucket in {@code after} before the step
     * @param after the buckets the step changed, with their new state
     * @param unitMustKeep the unit's new cursor must be stored now (child work changed, the unit finished)
     */
    List<SourceRecord> build(RecordMaker maker, WorkUnit unit, Map<Bucket, BucketState> before,
            Map<Bucket, BucketState> after, UnitCursor unitBefore, UnitCursor unitAfter,
            StepRecords.Heartbeats heartbeats, boolean unitMustKeep) {
        Map<Bucket, Integer> last = new HashMap<>();
        int lastOfUnit = -1;
        for (int i = 0; i < items.size(); i++) {
            Bucket b = items.get(i).bucket();
            if (b == null) {
                lastOfUnit = i;
            } else {
                last.put(b, i);
            }
        }
        Map<String, Object> unitPartition = maker.partition(unit);
        List<SourceRecord> records = new ArrayList<>(items.size() + 2);
        Set<Bucket> carried = new LinkedHashSet<>();
        boolean unitCarried = false;
        for (int i = 0; i < items.size(); i++) {
            Item<?> item = items.get(i);
            Bucket b = item.bucket();
            if (b == null) {
                boolean added = add(records, maker, unit, unitPartition,
                        (i == lastOfUnit ? unitAfter : unitBefore).toOffset(), item);
                unitCarried |= added && i == lastOfUnit;
                continue;
            }
            boolean lastOfBucket = last.get(b) == i && after.containsKey(b);
            BucketState state = lastOfBucket ? after.get(b) : before.getOrDefault(b, BucketState.EMPTY);
            add(records, maker, unit, b.partition(unitPartition), state.toOffset(), item);
            if (lastOfBucket) {
                carried.add(b);
            }
        }
        after.forEach((b, state) -> {
            if (!carried.contains(b)) {
                records.add(maker.heartbeat(unit, b.partition(unitPartition), state.toOffset()));
            }
        });
        if (!unitCarried && !unitAfter.equals(unitBefore) && heartbeats.due(unitMustKeep)) {
            records.add(maker.heartbeat(unit, unitAfter.toOffset()));
        }
        if (!records.isEmpty()) {
            heartbeats.recordsWritten();
        }
        return records;
    }

    /** Adds the item's record; false when the row had no key and was skipped. */
    private static <T> boolean add(List<SourceRecord> records, RecordMaker maker, WorkUnit unit,
            Map<String, Object> partition, Map<String, Object> offset, Item<T> item) {
        return maker.convert(unit, item.format(), item.model()).map(c -> records.add(c.withOffset(partition, offset)))
                .orElse(false);
    }
}
