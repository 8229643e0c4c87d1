package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.LateSettings;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.Span;
import io.kafkaconnect.cinnox.offset.DailyCursor;
import io.kafkaconnect.cinnox.offset.SnapshotCursor;
import io.kafkaconnect.cinnox.offset.TrackedRecords;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Builds the poller that fits a unit's report kind. */
public final class Pollers {

    private Pollers() {
    }

    /**
     * The pollers of {@code units}, each resuming from its stored offset: the units' own offsets are read in
     * one call (a fresh cursor where none is stored), then the ledger buckets of the windowed units' ranges in
     * a second: those the units may still read again, and any older one that still holds child work.
     */
    public static List<UnitPoller> load(List<WorkUnit> units, OffsetStorageReader reader, PollContext ctx) {
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(
                units.stream().map(WorkUnit::toPartition).toList());
        Map<WorkUnit, Span> ledgerSpans = new LinkedHashMap<>();
        List<Map<String, Object>> bucketPartitions = new ArrayList<>();
        Instant now = ctx.clock().instant();
        for (WorkUnit unit : units) {
            if (unit.report().kind() == Report.Kind.WINDOWED) {
                Span span = ledgerSpan(unit, WindowCursor.fromOffset(offset(offsets, unit)), ctx, now);
                ledgerSpans.put(unit, span);
                bucketPartitions.addAll(new LedgerBook(ctx.late().grain(), unit.toPartition()).partitions(unitSpan(unit, ctx)));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> buckets = bucketPartitions.isEmpty()
                ? Map.of() : reader.offsets(bucketPartitions);
        List<UnitPoller> pollers = new ArrayList<>();
        for (WorkUnit unit : units) {
            Map<String, Object> offset = offset(offsets, unit);
            pollers.add(switch (unit.report().kind()) {
                case WINDOWED -> {
                    LedgerBook book = new LedgerBook(ctx.late().grain(), unit.toPartition());
                    book.load(buckets, ledgerSpans.get(unit));
                    book.loadChildWork(buckets, unitSpan(unit, ctx));
                    Optional<TrackedRecords> legacy = WindowCursor.writtenBeforeLedgers(offset)
                            ? Optional.of(WindowCursor.legacyTracked(offset)) : Optional.empty();
                    yield windowed(unit, WindowedReport.of(unit.report(), ctx.formats()),
                            WindowCursor.fromOffset(offset), legacy, book, ctx);
                }
                case DAILY -> new DailyUnitPoller(unit, DailyCursor.fromOffset(offset), ctx);
                case SNAPSHOT -> new SnapshotUnitPoller(unit, SnapshotCursor.fromOffset(offset), ctx);
                case CHILD -> throw new IllegalArgumentException(unit + ": child reports are read by their parents' units");
            });
        }
        return pollers;
    }

    /**
     * The buckets a windowed unit may read again or hold late child work: from its main position, or the
     * lookback (the horizon's reach, the longest recording wait, if longer) if earlier, on.
     */
    static Span ledgerSpan(WorkUnit unit, WindowCursor cursor, PollContext ctx, Instant now) {
        TimeRange range = TimeRange.of(unit, ctx.historyStart());
        LateSettings late = ctx.late();
        Duration back = late.lookback().compareTo(late.reach()) > 0 ? late.lookback() : late.reach();
        Duration childWait = ctx.lateChildren().longestWait();
        back = childWait.compareTo(back) > 0 ? childWait : back;
        Instant oldestNeeded = late.settled(now).minus(back).minus(late.grain());
        Instant position = Instant.ofEpochMilli(cursor.windowStart());
        Instant from = position.isBefore(oldestNeeded) ? position : oldestNeeded;
        return new Span(from.isAfter(range.start()) ? from : range.start(), range.end());
    }

    /** Every bucket of the unit's range: where child work left behind by the main pass may wait. */
    private static Span unitSpan(WorkUnit unit, PollContext ctx) {
        TimeRange range = TimeRange.of(unit, ctx.historyStart());
        return new Span(range.start(), range.end());
    }

    private static Map<String, Object> offset(Map<Map<String, Object>, Map<String, Object>> offsets, WorkUnit unit) {
        return offsets == null ? null : offsets.get(unit.toPartition());
    }

    /**
     * A windowed unit plans with its endpoint's planner, so what one unit learns of the endpoint's widest
     * window serves the others; a limit the unit stored before a restart is shared the same way.
     */
    private static <T> UnitPoller windowed(WorkUnit unit, WindowedReport<T> report, WindowCursor cursor,
            Optional<TrackedRecords> legacy, LedgerBook book, PollContext ctx) {
        String endpoint = unit.report().apiName();
        cursor.windowLimit().ifPresent(limit -> ctx.planner().limits().learn(endpoint, limit));
        return new WindowedUnitPoller<>(unit, report, cursor, legacy, book,
                ctx.withPlanner(ctx.planner().forEndpoint(endpoint)));
    }
}
