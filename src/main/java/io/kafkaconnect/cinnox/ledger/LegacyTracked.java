package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seeds ledgers from the {@code tracked} map of offsets written before ledgers existed: every tracked
 * record was emitted in a state that may still change, so it becomes an open entry of the bucket of its
 * window time, with the version it was emitted at (the {@code @emittedAt} suffix dropped).
 */
public final class LegacyTracked {

    /** One entry of the old map: record id, {@code version@emittedAtMs} text, window time. */
    public record Entry(String id, String tracked, Instant windowTime) {
    }

    private LegacyTracked() {
    }

    /** The version part of an old tracked text: everything before its last {@code @}. */
    public static String version(String tracked) {
        int at = tracked.lastIndexOf('@');
        return at < 0 ? tracked : tracked.substring(0, at);
    }

    /** The ledgers the old entries make, by bucket; buckets of {@code grain}. */
    public static Map<Bucket, Ledger> seed(Iterable<Entry> entries, Duration grain) {
        Map<Bucket, Map<Long, Ledger.Mark>> marks = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
        for (Entry entry : entries) {
            Bucket bucket = Bucket.of(entry.windowTime(), grain);
            marks.computeIfAbsent(bucket, b -> new HashMap<>()).put(RowHashes.key(entry.id()),
                    new Ledger.Mark(RowHashes.version(version(entry.tracked())), true));
        }
        Map<Bucket, Ledger> ledgers = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
        marks.forEach((bucket, m) -> ledgers.put(bucket, Ledger.EMPTY.with(m)));
        return ledgers;
    }
}
