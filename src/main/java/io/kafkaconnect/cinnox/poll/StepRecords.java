package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one step. Every record carries the offset from before the step except the last, which
 * carries the offset after it: with exactly-once only the last offset of a transaction is stored, and with
 * at-least-once a crash repeats at most the one page. A step that moved the cursor without records ends
 * with a heartbeat instead, at most once per heartbeat interval unless it must be kept (a finished unit).
 */
final class StepRecords {

    private record Item<T>(ReportFormat<T> format, T model) {
    }

    private final List<Item<?>> items = new ArrayList<>();

    <T> void add(ReportFormat<T> format, T model) {
        items.add(new Item<>(format, model));
    }

    <T> void addAll(ReportFormat<T> format, List<T> models) {
        for (T model : models) {
            add(format, model);
        }
    }

    /** Builds the records; {@code heartbeat} decides whether a record-less step writes a heartbeat. */
    List<SourceRecord> build(RecordMaker maker, WorkUnit unit, UnitCursor before, UnitCursor after,
            Heartbeats heartbeat, boolean mustKeep) {
        List<RecordMaker.Converted> converted = new ArrayList<>(items.size());
        for (Item<?> item : items) {
            convert(maker, unit, item).ifPresent(converted::add);
        }
        Map<String, Object> afterOffset = after.toOffset();
        List<SourceRecord> records = new ArrayList<>(converted.size() + 1);
        if (!converted.isEmpty()) {
            Map<String, Object> beforeOffset = before.toOffset();
            int last = converted.size() - 1;
            for (int i = 0; i < converted.size(); i++) {
                records.add(converted.get(i).withOffset(i == last ? afterOffset : beforeOffset));
            }
            heartbeat.recordsWritten();
        } else if (!after.equals(before) && heartbeat.due(mustKeep)) {
            records.add(maker.heartbeat(unit, afterOffset));
            heartbeat.recordsWritten();
        }
        return records;
    }

    private static <T> Optional<RecordMaker.Converted> convert(RecordMaker maker, WorkUnit unit, Item<T> item) {
        return maker.convert(unit, item.format(), item.model());
    }

    /** When a unit last wrote anything, so heartbeats stay at most one per interval. */
    static final class Heartbeats {
        private final Duration interval;
        private final java.time.Clock clock;
        private Instant lastWrite;

        Heartbeats(Duration interval, java.time.Clock clock) {
            this.interval = interval;
            this.clock = clock;
            this.lastWrite = clock.instant();
        }

        boolean due(boolean mustKeep) {
            if (interval.isZero()) {
                return false;
            }
            return mustKeep || !clock.instant().isBefore(lastWrite.plus(interval));
        }

        void recordsWritten() {
            lastWrite = clock.instant();
        }
    }
}
