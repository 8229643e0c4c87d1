package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.ChatOverLimitException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.List;
import java.util.Map;
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

    /** The records of a step on the unit's own child work, and the unit's cursor after it. */
    record Step(List<SourceRecord> records, UnitCursor after) {
    }

    private final WorkUnit unit;
    private final PollContext ctx;
    private final LedgerBook book;
    private final StepRecords.Heartbeats heartbeats;
    private final ChildPages pages;

    UnitChildren(WorkUnit unit, PollContext ctx, LedgerBook book, StepRecords.Heartbeats heartbeats, ChildPages pages) {
        this.unit = unit;
        this.ctx = ctx;
        this.book = book;
        this.heartbeats = heartbeats;
        this.pages = pages;
    }

    Step readUnitChild(UnitCursor before) {
        ChildRef child = ChildRef.decode(before.pending().get(0));
        LedgerRecords out = new LedgerRecords();
        UnitCursor after = before.childFinished();
        ChildReader.ChildPage<?> page = read(child, before.childOffset());
        if (page != null) {
            add(out, page, null);
            after = page.last() ? before.childFinished() : before.childPageRead(page.readCount());
        }
        return new Step(out.build(ctx.maker(), unit, Map.of(), Map.of(), before, after, heartbeats, true), after);
    }

    List<SourceRecord> readBucketChild(Bucket bucket, UnitCursor cursor) {
        BucketState before = book.state(bucket);
        ChildRef child = ChildRef.decode(before.pending().get(0));
        LedgerRecords out = new LedgerRecords();
        BucketState after = before.childFinished();
        ChildReader.ChildPage<?> page = read(child, before.childOffset());
        if (page != null) {
            add(out, page, bucket);
            after = page.last() ? before.childFinished() : before.childPageRead(page.readCount());
        }
        List<SourceRecord> records = out.build(ctx.maker(), unit, Map.of(bucket, before), Map.of(bucket, after),
                cursor, cursor, heartbeats, false);
        book.put(bucket, after);
        return records;
    }

    /** One page of the child; null when CINNOX refused it for good (counted and logged, the child is dropped). */
    private ChildReader.ChildPage<?> read(ChildRef child, long offset) {
        try {
            return pages.read(child, offset);
        } catch (ChatOverLimitException e) {
            ctx.stats().chatOverLimit();
            log.warn("{}: skipping {}: {}", unit, child, e.getMessage());
            return null;
        } catch (FatalApiException e) {
            if (e.reason() != FatalApiException.Reason.BAD_PARAMETER) {
                throw e;
            }
            log.warn("{}: skipping {}: CINNOX refused it: {}", unit, child, e.getMessage());
            return null;
        }
    }

    private static <C> void add(LedgerRecords out, ChildReader.ChildPage<C> page, Bucket bucket) {
        out.addAll(page.format(), page.records(), bucket);
    }
}
