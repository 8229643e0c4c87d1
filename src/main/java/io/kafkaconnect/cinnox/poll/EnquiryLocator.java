package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.Ledger;
import io.kafkaconnect.cinnox.ledger.RowHashes;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Finds the hour an enquiry is dated in when all an event gives is its id and the event's time: CINNOX's
 * events carry no creation time and enquiry-detail cannot be asked by id, but the enquiry-detail ledgers in
 * Connect's offsets hold the key hash of every enquiry sent. Searches back one day of buckets per
 * offsets() call, newest first, at most {@link #SEARCH} back; costs no CINNOX request.
 */
final class EnquiryLocator {

    /** How far back from an event an enquiry is looked for. */
    static final Duration SEARCH = Duration.ofDays(14);
    private static final Duration DAY = Duration.ofDays(1);

    private final String appId;
    private final Duration grain;
    private final Duration chunkLength;
    private final Instant historyStart;
    private final OffsetStorageReader reader;

    EnquiryLocator(String appId, Duration grain, Duration chunkLength, Instant historyStart, OffsetStorageReader reader) {
        this.appId = appId;
        this.grain = grain;
        this.chunkLength = chunkLength;
        this.historyStart = historyStart;
        this.reader = reader;
    }

    /** The enquiry-detail unit whose chunk holds {@code bucket}. */
    WorkUnit unitOf(Bucket bucket) {
        return new WorkUnit(appId, Report.ENQUIRY_DETAIL, Chunk.containing(bucket.start(), chunkLength));
    }

    Map<String, Object> partition(Bucket bucket) {
        return bucket.partition(unitOf(bucket).toPartition());
    }

    /**
     * The bucket of each enquiry of {@code ids} that a stored ledger holds, searching from {@code newest}
     * back; ids not found are left out.
     */
    Map<String, Bucket> locate(List<String> ids, Instant newest) {
        Map<Long, String> wanted = new HashMap<>();
        ids.forEach(id -> wanted.put(RowHashes.key(id), id));
        Map<String, Bucket> found = new HashMap<>();
        Instant floor = newest.minus(SEARCH).isAfter(historyStart) ? newest.minus(SEARCH) : historyStart;
        Instant to = Bucket.of(newest, grain).end();
        while (!wanted.isEmpty() && to.isAfter(floor)) {
            Instant from = to.minus(DAY).isAfter(floor) ? to.minus(DAY) : floor;
            List<Bucket> day = Bucket.covering(from, to, grain);
            List<Map<String, Object>> partitions = new ArrayList<>(day.size());
            day.forEach(b -> partitions.add(partition(b)));
            Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
            for (int i = day.size() - 1; i >= 0 && !wanted.isEmpty(); i--) {
                Map<String, Object> offset = offsets == null ? null : offsets.get(partitions.get(i));
                if (offset != null && !offset.isEmpty()) {
                    take(BucketState.fromOffset(offset).ledger(), day.get(i), wanted, found);
                }
            }
            to = from;
        }
        return found;
    }

    private static void take(Ledger ledger, Bucket bucket, Map<Long, String> wanted, Map<String, Bucket> found) {
        wanted.entrySet().removeIf(e -> {
            if (ledger.judge(e.getKey(), 0) == Ledger.Verdict.NEW) {
                return false;
            }
            found.put(e.getValue(), bucket);
            return true;
        });
    }
}
