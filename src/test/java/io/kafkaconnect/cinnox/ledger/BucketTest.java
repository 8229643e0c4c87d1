package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void bucketsSitOnAFixedUtcGrid() {
        Bucket b = Bucket.of(Instant.parse("2026-01-01T05:59:59.999Z"), HOUR);
        assertEquals(Instant.parse("2026-01-01T05:00:00Z"), b.start());
        assertEquals(Instant.parse("2026-01-01T06:00:00Z"), b.end());
        assertEquals("2026-01-01T05:00:00Z", b.text());
        assertTrue(b.contains(Instant.parse("2026-01-01T05:00:00Z")));
        assertEquals(b.next(), Bucket.of(b.end(), HOUR));
        assertEquals(Instant.parse("1969-12-31T23:00:00Z"), Bucket.of(Instant.ofEpochMilli(-1), HOUR).start());
    }

    @Test
    void coveringListsOverlappingBuckets() {
        List<Bucket> buckets = Bucket.covering(Instant.parse("2026-01-01T05:30:00Z"),
                Instant.parse("2026-01-01T07:00:00Z"), HOUR);
        assertEquals(List.of("2026-01-01T05:00:00Z", "2026-01-01T06:00:00Z"), buckets.stream().map(Bucket::text).toList());
        assertEquals(List.of(), Bucket.covering(Instant.EPOCH, Instant.EPOCH, HOUR));
    }

    @Test
    void partitionAddsTheBucketToTheUnitsPartition() {
        Map<String, Object> partition = Bucket.of(Instant.parse("2026-01-01T05:30:00Z"), HOUR)
                .partition(Map.of("app", "a", "report", "call-detail", "chunk", "2025-12-25T00:00:00Z"));
        assertEquals("2026-01-01T05:00:00Z", partition.get("bucket"));
        assertEquals(4, partition.size());
        assertThrows(IllegalArgumentException.class, () -> Bucket.of(Instant.EPOCH, HOUR).partition(partition));
    }

    @Test
    void grainMustDivideADay() {
        assertThrows(IllegalArgumentException.class, () -> Bucket.requireGrain(Duration.ofMinutes(7)));
        assertThrows(IllegalArgumentException.class, () -> Bucket.requireGrain(Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> Bucket.requireGrain(Duration.ofDays(2)));
        Bucket.requireGrain(Duration.ofMinutes(15));
        Bucket.requireGrain(Duration.ofDays(1));
    }

    @Test
    void parseRefusesTextOffTheGrid() {
        assertEquals(Bucket.of(Instant.parse("2026-01-01T05:00:00Z"), HOUR), Bucket.parse("2026-01-01T05:00:00Z", HOUR));
        assertThrows(IllegalArgumentException.class, () -> Bucket.parse("2026-01-01T05:30:00Z", HOUR));
        assertThrows(IllegalArgumentException.class, () -> Bucket.parse("yesterday", HOUR));
    }
}
