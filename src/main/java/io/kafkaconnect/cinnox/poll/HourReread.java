package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.Sieve;
import io.kafkaconnect.cinnox.ledger.Span;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Reads one enquiry-detail hour (bucket) again for {@link EventRereads}: its window page by page, then the child
 * work its rows queued, through the bucket's own ledger, so only new versions of its rows reach Kafka. Kept
 * apart from the decision of which hour is read and when.
 */
final class HourReread {

    private final PollContext ctx;
    private final Bucket bucket;
    private final WorkUnit unit;
    private final LedgerBook book;
    private long offset;
    private boolean windowRead;

    private HourReread(PollContext ctx, Bucket bucket, WorkUnit unit, LedgerBook book) {
        this.ctx = ctx;
        this.bucket = bucket;
        this.unit = unit;
        this.book = book;
    }

    /** Starts reading {@code bucket} from its ledger as stored in Connect's offsets. */
    static HourReread start(Bucket bucket, EnquiryLocator locator, OffsetStorageReader reader, PollContext ctx) {
        WorkUnit unit = locator.unitOf(bucket);
        LedgerBook book = new LedgerBook(ctx.late().grain(), unit.toPartition());
        book.put(bucket, BucketState.fromOffset(reader.offset(locator.partition(bucket))));
        return new HourReread(ctx, bucket, unit, book);
    }

    Bucket bucket() {
        return bucket;
    }

    /** Whether the window and the child work its rows queued were all read. */
    boolean done() {
        return windowRead && book.state(bucket).pending().isEmpty();
    }

    /** One CINNOX request: the window's next page, or else the next child of the hour; only while not done. */
    List<SourceRecord> step(Instant now) {
        if (!windowRead) {
            return readPage(now);
        }
        return new UnitChildren(unit, ctx, book, ctx.heartbeats(), ctx.children()::read)
                .readBucketChild(bucket, WindowCursor.fresh(), now);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<SourceRecord> readPage(Instant now) {
        WindowPageReader<?> pages = new WindowPageReader(WindowedReport.of(Report.ENQUIRY_DETAIL, ctx.formats()), ctx,
                book);
        WindowPageReader.Outcome page = pages.read(new Span(bucket.start(), bucket.end()), offset, 0, Sieve.Mode.EVENT,
                now);
        Map<Bucket, BucketState> changed = page.sieve().changes();
        Map<Bucket, BucketState> previous = new LinkedHashMap<>();
        changed.keySet().forEach(c -> previous.put(c, book.state(c)));
        WindowCursor cursor = WindowCursor.fresh();
        List<SourceRecord> records = page.records().build(ctx.maker(), unit, previous, changed, cursor, cursor,
                ctx.heartbeats(), false);
        page.sieve().commit();
        offset += page.size();
        windowRead = page.last();
        return records;
    }
}
