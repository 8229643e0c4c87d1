package io.kafkaconnect.cinnox.budget;

import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates how many requests a unit that is behind has left, from what the connector can read: the child
 * work queued in its buckets' ledgers, and the main pass still to read, sized by the rows its ledgers hold
 * per hour read so far and by how many children those rows queued. Remembers each unit's last children per
 * row, since a unit that has just read its queued children shows none until its next page, and each report's
 * last density, which sizes a unit of that report that has read nothing yet.
 */
public final class BacklogEstimate {

    private final Instant historyStart;
    private final Duration settle;
    private final int pageSize;
    private final Map<WorkUnit, Ratio> childrenPerRow = new ConcurrentHashMap<>();
    private final Map<String, Density> densities = new ConcurrentHashMap<>();

    /** What the read part of a unit showed: rows per millisecond of event time, and children per row. */
    record Density(double rowsPerMs, double childrenPerRow) {
    }

    /** @param pageSize the rows one request asks for (page.size) */
    public BacklogEstimate(Instant historyStart, Duration settle, int pageSize) {
        this.historyStart = historyStart;
        this.settle = settle;
        this.pageSize = Math.max(1, pageSize);
    }

    /**
     * The requests {@code unit} has left, at least 1; empty when nothing the connector can read sizes it (no
     * row and no child work stored yet for a windowed unit, and no unit of its report sized so far).
     *
     * @param cursor its stored cursor, null when none is stored
     * @param buckets its stored buckets' tallies, any order; empty when none were read
     */
    public OptionalLong requestsLeft(WorkUnit unit, UnitCursor cursor, List<LedgerTally> buckets, Instant now) {
        if (unit.chunk() == null) {
            return OptionalLong.of(1);
        }
        int ownChildren = cursor == null ? 0 : cursor.pendingChildren();
        TimeRange range = TimeRange.of(unit, historyStart);
        Instant settled = now.minus(settle);
        Instant workEnd = range.end().isBefore(settled) ? range.end() : settled;
        Instant position = cursor == null || cursor.windowStart() < range.start().toEpochMilli() ? range.start()
                : Instant.ofEpochMilli(cursor.windowStart());
        if (unit.report().kind() != Report.Kind.WINDOWED) {
            long days = Duration.between(position, workEnd).toDays();
            return OptionalLong.of(Math.max(1, days + ownChildren));
        }
        long rows = buckets.stream().mapToLong(LedgerTally::rows).sum();
        long queued = buckets.stream().mapToLong(LedgerTally::pending).sum();
        if (rows == 0 && queued == 0) {
            return unread(unit, ownChildren, Math.max(0, Duration.between(position, workEnd).toMillis()));
        }
        Instant reached = buckets.stream().filter(b -> b.rows() > 0 || b.pending() > 0)
                .map(b -> b.bucket().end()).max(Comparator.naturalOrder()).orElse(position);
        reached = reached.isBefore(position) ? position : reached;
        long readMs = Duration.between(range.start(), reached).toMillis();
        long leftMs = Math.max(0, Duration.between(reached, workEnd).toMillis());
        double perRow = childrenPerRow(unit, buckets);
        if (readMs > 0 && rows > 0) {
            densities.put(key(unit), new Density((double) rows / readMs, perRow));
        }
        double rowsLeft = readMs <= 0 ? 0 : (double) rows * leftMs / readMs;
        return OptionalLong.of(requests(ownChildren + queued, rowsLeft, perRow, leftMs));
    }

    /**
     * A windowed unit with nothing stored: its own queued children, and its range left at the density the
     * last sized unit of its report showed; empty when there is neither.
     */
    private OptionalLong unread(WorkUnit unit, int ownChildren, long leftMs) {
        Density density = densities.get(key(unit));
        if (density == null) {
            return ownChildren > 0 ? OptionalLong.of(ownChildren) : OptionalLong.empty();
        }
        return OptionalLong.of(requests(ownChildren, density.rowsPerMs() * leftMs, density.childrenPerRow(), leftMs));
    }

    /** Children queued, the children of the rows left, and the pages those rows take (one at least while time is left). */
    private long requests(long queued, double rowsLeft, double perRow, long leftMs) {
        long pages = leftMs == 0 ? 0 : Math.max(1, (long) Math.ceil(rowsLeft / pageSize));
        return Math.max(1, queued + Math.round(rowsLeft * perRow) + pages);
    }

    private static String key(WorkUnit unit) {
        return unit.appId() + "/" + unit.report().apiName();
    }

    /**
     * Children queued per row read, over the buckets younger than the oldest that still holds child work, those
     * without a child too (children are read oldest bucket first, so a younger bucket that queues none had
     * none: counting only the buckets that queue some said a third more recordings a call than there were);
     * the oldest is left out when a younger one queues too (its children are being read, so it shows fewer than
     * it queued). With one such bucket, the larger of its figure (itself and the buckets after it) and the one
     * remembered; the one remembered when none holds any; 0 before any. A figure is remembered when it counts at
     * least as many rows as the one remembered: as a page's children are read, fewer and younger buckets still
     * queue, and their figure says less of the unit (in a live chunk the youngest rows are open enquiries,
     * without a chat yet).
     */
    double childrenPerRow(WorkUnit unit, List<LedgerTally> buckets) {
        List<LedgerTally> queuing = buckets.stream().filter(b -> b.pending() > 0)
                .sorted(Comparator.comparing(b -> b.bucket().start())).toList();
        Ratio seen = childrenPerRow.getOrDefault(unit, Ratio.NONE);
        if (queuing.isEmpty()) {
            return seen.value();
        }
        Instant oldest = queuing.get(0).bucket().start();
        List<LedgerTally> whole = buckets.stream().filter(b -> queuing.size() > 1
                ? b.bucket().start().isAfter(oldest) : !b.bucket().start().isBefore(oldest)).toList();
        long rows = whole.stream().mapToLong(LedgerTally::rows).sum();
        if (rows == 0) {
            return seen.value();
        }
        Ratio now = new Ratio(whole.stream().mapToLong(LedgerTally::pending).sum(), rows);
        if (queuing.size() == 1) {
            return Math.max(now.value(), seen.value());
        }
        if (rows < seen.rows()) {
            return seen.value();
        }
        childrenPerRow.put(unit, now);
        return now.value();
    }

    /** Children counted over rows counted. */
    private record Ratio(long children, long rows) {

        static final Ratio NONE = new Ratio(0, 0);

        double value() {
            return rows == 0 ? 0 : (double) children / rows;
        }
    }

    /** Forgets the units no longer to do, so the memory stays as small as the work. */
    public void retain(Collection<WorkUnit> units) {
        childrenPerRow.keySet().retainAll(units);
    }
}
