package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One slot of event time on a fixed UTC grid (default one hour, counted from 1970-01-01), the span one
 * ledger covers. The grain divides a day, so a bucket never straddles a chunk.
 *
 * @param start first instant of the bucket, on the grid
 * @param grain the bucket length
 */
public record Bucket(Instant start, Duration grain) {

    /** The source partition key naming the bucket, next to the unit's own keys. */
    public static final String PARTITION_KEY = "bucket";

    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    public Bucket {
        Objects.requireNonNull(start, "start");
        requireGrain(grain);
        if (Math.floorMod(start.toEpochMilli(), grain.toMillis()) != 0) {
            throw new IllegalArgumentException("Bucket start " + start + " is not on the " + grain + " grid");
        }
    }

    /**
     * Checks a bucket length: at least a minute, and a whole divisor of a day.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static Duration requireGrain(Duration grain) {
        Objects.requireNonNull(grain, "grain");
        long ms = grain.toMillis();
        if (ms < Duration.ofMinutes(1).toMillis() || DAY_MS % ms != 0) {
            throw new IllegalArgumentException("A bucket length must be at least one minute and divide a day, got "
                    + grain);
        }
        return grain;
    }

    /** The bucket holding {@code instant}. */
    public static Bucket of(Instant instant, Duration grain) {
        long ms = requireGrain(grain).toMillis();
        return new Bucket(Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), ms) * ms), grain);
    }

    /** The buckets that overlap {@code [from, to)}, oldest first; none when the span is empty. */
    public static List<Bucket> covering(Instant from, Instant to, Duration grain) {
        List<Bucket> buckets = new ArrayList<>();
        if (!to.isAfter(from)) {
            return buckets;
        }
        for (Bucket b = of(from, grain); b.start.isBefore(to); b = b.next()) {
            buckets.add(b);
        }
        return buckets;
    }

    public Instant end() {
        return start.plus(grain);
    }

    public Bucket next() {
        return new Bucket(end(), grain);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }

    /** The RFC 3339 form of the start, as kept in source partitions: {@code 2026-01-01T05:00:00Z}. */
    public String text() {
        return start.toString();
    }

    /**
     * The ledger's source partition: the unit's partition plus {@code "bucket"}, its keys in the order a
     * {@link HashMap} filled key by key iterates them ({@code app, bucket, report, chunk}), as Connect's JSON
     * converter rebuilds a partition. Connect finds an offset by the partition's JSON, so a partition read
     * back (offsets REST API) must serialize as the records' did; the unit's own partition
     * ({@code app, report, chunk}) already is in that order.
     */
    public Map<String, Object> partition(Map<String, ?> unitPartition) {
        if (unitPartition.containsKey(PARTITION_KEY)) {
            throw new IllegalArgumentException("Partition " + unitPartition + " already names a bucket");
        }
        Map<String, Object> filled = new HashMap<>();
        unitPartition.forEach(filled::put);
        filled.put(PARTITION_KEY, text());
        return new LinkedHashMap<>(filled);
    }

    /**
     * Reads the text written by {@link #text()}.
     *
     * @throws IllegalArgumentException when it is not an instant on the grid of {@code grain}
     */
    public static Bucket parse(String text, Duration grain) {
        try {
            return new Bucket(Instant.parse(text), grain);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Bucket '" + text + "' is not an RFC 3339 UTC instant", e);
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
