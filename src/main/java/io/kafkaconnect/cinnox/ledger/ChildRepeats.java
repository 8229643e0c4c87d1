package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Child records that a re-read of the same child would send again. A changed campaign's recipients are re-read
 * "updated since" its bucket was last read, but the read before fetched its pages after that bucket read (child
 * pages come after their parent page, one by one), so a recipient that changed in between was sent by it and
 * is returned again. Such records (updated after their bucket's last read) are kept here by key and version
 * hash, per bucket and child, until a re-read's "since" or a read of the whole bucket passes their update time,
 * or the bucket goes. In memory only: after a restart a changed campaign is re-read from the start (see "Known
 * limits").
 */
public final class ChildRepeats {

    /** Updated at an unknown time: kept until the bucket goes. */
    public static final long UNKNOWN_UPDATE = Long.MAX_VALUE;

    private record Sent(int version, long updatedMs) {
    }

    private final Map<Instant, Map<String, Map<Long, Sent>>> sent = new HashMap<>();

    /** A read of {@code child} updated since {@code sinceMs} begins: forgets what it cannot return. */
    public void reading(Bucket bucket, String child, long sinceMs) {
        Map<String, Map<Long, Sent>> children = sent.get(bucket.start());
        Map<Long, Sent> known = children == null ? null : children.get(child);
        if (known == null) {
            return;
        }
        known.values().removeIf(s -> s.updatedMs() <= sinceMs);
        if (known.isEmpty()) {
            children.remove(child);
        }
        if (children.isEmpty()) {
            sent.remove(bucket.start());
        }
    }

    /** Whether an earlier read of {@code child} sent {@code key} at {@code version}. */
    public boolean repeated(Bucket bucket, String child, long key, int version) {
        Sent s = sent.getOrDefault(bucket.start(), Map.of()).getOrDefault(child, Map.of()).get(key);
        return s != null && s.version() == version;
    }

    /**
     * {@code key} of {@code child} was sent at {@code version}, updated at {@code updatedMs}; kept when that is
     * after {@code bucketReadMs}, the bucket's last read, which a later re-read's "since" cannot precede.
     */
    public void sent(Bucket bucket, String child, long key, int version, long updatedMs, long bucketReadMs) {
        if (updatedMs > bucketReadMs) {
            sent.computeIfAbsent(bucket.start(), b -> new HashMap<>()).computeIfAbsent(child, c -> new HashMap<>())
                    .put(key, new Sent(version, updatedMs));
        }
    }

    /** The whole bucket was read at {@code atMs}: no later re-read returns what was updated until then. */
    public void readWhole(Bucket bucket, long atMs) {
        Map<String, Map<Long, Sent>> children = sent.get(bucket.start());
        if (children == null) {
            return;
        }
        children.values().forEach(known -> known.values().removeIf(s -> s.updatedMs() <= atMs));
        children.values().removeIf(Map::isEmpty);
        if (children.isEmpty()) {
            sent.remove(bucket.start());
        }
    }

    /** Forgets the buckets {@code gone} says no read needs any more. */
    public void forget(Predicate<Instant> gone) {
        sent.keySet().removeIf(gone);
    }

    /** Records kept, over all buckets and children. */
    public int size() {
        return sent.values().stream().flatMap(c -> c.values().stream()).mapToInt(Map::size).sum();
    }
}
