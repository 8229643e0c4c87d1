package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The enquiry-detail buckets that enquiry events asked to be read again, kept in the event receiver's own
 * source offset (key {@code "rereads"}, bucket starts in epoch ms, comma separated) so a restarted task
 * still reads them. Many events of one hour make one request; the set holds at most {@link #CAP} buckets.
 */
public final class RereadRequests {

    /** The most buckets waiting at once: 20 days of hours, about 7 KB of offset. */
    public static final int CAP = 480;
    /** The offset key. */
    public static final String OFFSET_KEY = "rereads";

    private final NavigableSet<Long> starts = new TreeSet<>();
    private final Duration grain;

    public RereadRequests(Duration grain) {
        this.grain = Bucket.requireGrain(grain);
    }

    /** Reads the requests stored in {@code offset}; entries that are not bucket starts of this grain are left out. */
    public static RereadRequests fromOffset(java.util.Map<String, ?> offset, Duration grain) {
        RereadRequests requests = new RereadRequests(grain);
        Object text = offset == null ? null : offset.get(OFFSET_KEY);
        if (text instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                try {
                    long ms = Long.parseLong(part.trim());
                    if (Math.floorMod(ms, grain.toMillis()) == 0 && requests.starts.size() < CAP) {
                        requests.starts.add(ms);
                    }
                } catch (NumberFormatException e) {
                    // an entry this version cannot read is dropped; the rest still load
                }
            }
        }
        return requests;
    }

    /** The offset text. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (long ms : starts) {
            out.append(out.length() == 0 ? "" : ",").append(ms);
        }
        return out.toString();
    }

    /**
     * Asks for {@code bucket}; false when the set is full and the bucket was not already in it (the caller
     * counts it). A bucket already asked for costs nothing more.
     */
    public boolean add(Bucket bucket) {
        requireGrain(bucket);
        long ms = bucket.start().toEpochMilli();
        if (starts.contains(ms)) {
            return true;
        }
        if (starts.size() >= CAP) {
            return false;
        }
        starts.add(ms);
        return true;
    }

    public void remove(Bucket bucket) {
        starts.remove(bucket.start().toEpochMilli());
    }

    public boolean contains(Bucket bucket) {
        return starts.contains(bucket.start().toEpochMilli());
    }

    public int size() {
        return starts.size();
    }

    /** The requested buckets, oldest first. */
    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>(starts.size());
        starts.forEach(ms -> out.add(new Bucket(Instant.ofEpochMilli(ms), grain)));
        return out;
    }

    /** The oldest requested bucket that {@code ready} accepts. */
    public Optional<Bucket> firstReady(java.util.function.Predicate<Bucket> ready) {
        return buckets().stream().filter(ready).findFirst();
    }

    private void requireGrain(Bucket bucket) {
        if (!bucket.grain().equals(grain)) {
            throw new IllegalArgumentException("Bucket " + bucket + " of " + bucket.grain() + " among " + grain);
        }
    }
}
