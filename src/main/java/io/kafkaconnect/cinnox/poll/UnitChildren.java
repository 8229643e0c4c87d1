package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.ChatOverLimitException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.ChildRepeats;
import io.kafkaconnect.cinnox.ledger.LateChild;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.RowHashes;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the child work of a windowed unit one page at a time: work queued in a bucket (by the rows of that
 * bucket) carries the bucket's partition; work queued in the unit's own cursor (rows without a bucket,
 * offsets from before ledgers) carries the unit's.
 */
final class UnitChildren {

    private static final Logger log = LoggerFactory.getLogger(UnitChildren.class);

    private final WorkUnit unit;
    private final PollContext ctx;
    private final LedgerBook book;
    private final StepRecords.Heartbeats heartbeats;
    private final LateChildWork late;
    private final ChildPages pages;

    UnitChildren(WorkUnit unit, PollContext ctx, LedgerBook book, StepRecords.Heartbeats heartbeats, ChildPages pages) {
        this.unit = unit;
        this.ctx = ctx;
        this.book = book;
        this.heartbeats = heartbeats;
        this.late = new LateChildWork(unit, ctx.lateChildren(), ctx.stats());
        this.pages = pages;
    }

    /** Reads a page of the first child pending in the unit's own cursor. */
    WindowStep readUnitChild(WindowCursor before) {
        ChildRef child = ChildRef.decode(before.pending().get(0));
        LedgerRecords out = new LedgerRecords();
        WindowCursor after = before.childFinished();
        ChildReader.ChildPage<?> page = read(child, before.childOffset());
        if (page != null) {
            add(out, page, null);
            after = page.last() ? before.childFinished() : before.childPageRead(page.readCount());
        }
        return new WindowStep(out.build(ctx.maker(), unit, Map.of(), Map.of(), before, after, heartbeats, true), after);
    }

    /**
     * Reads a page of the first pending child of {@code bucket}. A recording CINNOX does not have yet, or a chat
     * page it refuses with 6451013, moves to the bucket's late list (see {@link LateChildWork}).
     */
    List<SourceRecord> readBucketChild(Bucket bucket, UnitCursor cursor, Instant now) {
        BucketState before = book.state(bucket);
        ChildRef child = ChildRef.decode(before.pending().get(0));
        LedgerRecords out = new LedgerRecords();
        BucketState after = before.childFinished();
        try {
            ChildReader.ChildPage<?> page = readOrSkip(child, before.childOffset(), 0);
            if (page != null) {
                add(out, unsent(bucket, child, page), bucket);
                if (LateChildWork.isRecording(child) && page.readCount() == 0) {
                    after = late.recordingMissing(bucket, after, child, Optional.empty(), now);
                } else if (!page.last()) {
                    after = before.childPageRead(page.readCount());
                }
            }
        } catch (ChatOverLimitException e) {
            after = late.chatRefused(after, child, before.childOffset(), ctx.children().pageSize(), Optional.empty(),
                    now);
        }
        return emit(out, bucket, before, after, cursor);
    }

    /** Asks again for the late child of {@code bucket} due soonest: one request. */
    List<SourceRecord> readLateChild(Bucket bucket, UnitCursor cursor, Instant now) {
        BucketState before = book.state(bucket);
        LateChild waiting = before.late().firstDue(now).orElseThrow();
        ChildRef child = ChildRef.decode(waiting.child());
        BucketState after = before.withLate(before.late().without(waiting.child()));
        LedgerRecords out = new LedgerRecords();
        ctx.stats().lateChildRetry();
        try {
            ChildReader.ChildPage<?> page = readOrSkip(child, waiting.offset(), waiting.pageSize());
            if (page != null) {
                add(out, page, bucket);
                if (LateChildWork.isRecording(child) && page.readCount() == 0) {
                    after = late.recordingMissing(bucket, after, child, Optional.of(waiting), now);
                } else if (LateChildWork.isRecording(child)) {
                    late.recordingAppeared(child, waiting, page.readCount());
                } else if (!page.last()) {
                    after = late.waitFor(after, waiting.pageRead(page.readCount(), now));
                }
            }
        } catch (ChatOverLimitException e) {
            int size = waiting.pageSize() > 0 ? waiting.pageSize() : ctx.children().pageSize();
            after = late.chatRefused(after, child, waiting.offset(), size, Optional.of(waiting), now);
        }
        return emit(out, bucket, before, after, cursor);
    }

    private List<SourceRecord> emit(LedgerRecords out, Bucket bucket, BucketState before, BucketState after,
            UnitCursor cursor) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, Map.of(bucket, before), Map.of(bucket, after),
                cursor, cursor, heartbeats, false);
        book.put(bucket, after);
        return records;
    }

    /** One page of the child; null when CINNOX refused it as a bad parameter (logged, the child is dropped). */
    private ChildReader.ChildPage<?> readOrSkip(ChildRef child, long offset, int pageSize) {
        try {
            return pageSize == 0 ? pages.read(child, offset) : ctx.children().read(child, offset, pageSize);
        } catch (FatalApiException e) {
            if (e.reason() != FatalApiException.Reason.BAD_PARAMETER) {
                throw e;
            }
            log.warn("{}: skipping {}: CINNOX refused it: {}", unit, child, e.getMessage());
            return null;
        }
    }

    /** One page of child work kept in the unit's cursor; null when CINNOX refused it (counted, logged, dropped). */
    private ChildReader.ChildPage<?> read(ChildRef child, long offset) {
        try {
            return readOrSkip(child, offset, 0);
        } catch (ChatOverLimitException e) {
            ctx.stats().chatOverLimit();
            ctx.stats().chatGivenUp();
            log.warn("{}: giving up the chat of enquiry {} (queued in the unit's own offset, not retried): {}", unit,
                    child.id(), e.getMessage());
            return null;
        }
    }

    /**
     * The records of a page read "updated since" (a changed campaign's recipients) that no earlier read of the
     * child sent at the same version; those it sends are noted in case the next re-read returns them again.
     * Other children's pages are whole.
     */
    private <C> ChildReader.ChildPage<C> unsent(Bucket bucket, ChildRef child, ChildReader.ChildPage<C> page) {
        if (!child.link().since()) {
            return page;
        }
        ChildRepeats repeats = book.repeats();
        repeats.reading(bucket, child.id(), child.sinceMs());
        ReportFormat<C> format = page.format();
        List<C> unsent = new ArrayList<>(page.records().size());
        for (C record : page.records()) {
            Optional<String> key = keyOf(format, record);
            int version = RowHashes.version(format.version(record));
            if (key.isEmpty() || !repeats.repeated(bucket, child.id(), RowHashes.key(key.get()), version)) {
                unsent.add(record);
                long updated = format.eventTime(record).map(Instant::toEpochMilli).orElse(ChildRepeats.UNKNOWN_UPDATE);
                key.ifPresent(k -> repeats.sent(bucket, child.id(), RowHashes.key(k), version, updated,
                        book.lastReadMs(bucket)));
            }
        }
        return new ChildReader.ChildPage<>(format, unsent, page.readCount(), page.last());
    }

    private static <C> Optional<String> keyOf(ReportFormat<C> format, C record) {
        try {
            return Optional.of(format.key(record));
        } catch (MissingRecordKeyException e) {
            return Optional.empty();
        }
    }

    private static <C> void add(LedgerRecords out, ChildReader.ChildPage<C> page, Bucket bucket) {
        out.addAll(page.format(), page.records(), bucket);
    }
}
