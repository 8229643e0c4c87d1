package io.kafkaconnect.cinnox.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void weekGridCountsFromTheEpochSoWeeksStartOnThursday() {
        // 1970-01-01 was a Thursday; 2026-01-01 is 2922 weeks later.
        Chunk chunk = Chunk.containing(Instant.parse("2026-01-05T13:45:00Z"), WEEK);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), chunk.start());
        assertEquals(Instant.parse("2026-01-08T00:00:00Z"), chunk.end());
        assertEquals(Instant.parse("2026-01-08T00:00:00Z"), chunk.next().start());
        assertEquals(WEEK, chunk.next().length());
    }

    @Test
    void containingIsIndependentOfWhereWeStart() {
        Instant t = Instant.parse("2026-02-11T08:00:00Z");
        Chunk chunk = Chunk.containing(t, WEEK);
        assertEquals(chunk, Chunk.containing(chunk.start(), WEEK));
        assertEquals(chunk, Chunk.containing(chunk.end().minusMillis(1), WEEK));
        assertEquals(chunk.next(), Chunk.containing(chunk.end(), WEEK));
        assertTrue(chunk.contains(t));
        assertTrue(chunk.contains(chunk.start()));
        assertFalse(chunk.contains(chunk.end()));
    }

    @Test
    void instantsBeforeTheEpochFloorDownwards() {
        Chunk chunk = Chunk.containing(Instant.parse("1969-12-31T23:00:00Z"), DAY);
        assertEquals(Instant.parse("1969-12-31T00:00:00Z"), chunk.start());
    }

    @Test
    void coveringListsEveryChunkIntersectingTheHalfOpenRange() {
        List<Chunk> chunks = Chunk.covering(Instant.parse("2026-01-02T10:00:00Z"),
                Instant.parse("2026-01-04T00:00:00Z"), DAY);
        assertEquals(List.of(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-03T00:00:00Z")),
                chunks.stream().map(Chunk::start).toList());
    }

    @Test
    void coveringIncludesAPartlyCoveredLastChunk() {
        List<Chunk> chunks = Chunk.covering(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-04T00:00:00.001Z"), DAY);
        assertEquals(3, chunks.size());
        assertEquals(Instant.parse("2026-01-04T00:00:00Z"), chunks.get(2).start());
    }

    @Test
    void coveringAnEmptyRangeIsEmpty() {
        Instant t = Instant.parse("2026-01-02T00:00:00Z");
        assertEquals(List.of(), Chunk.covering(t, t, DAY));
        assertEquals(List.of(), Chunk.covering(t, t.minusSeconds(1), DAY));
        assertEquals(1, Chunk.covering(t, t.plusMillis(1), DAY).size());
    }

    @Test
    void textFormRoundTrips() {
        Chunk chunk = Chunk.containing(Instant.parse("2026-01-05T13:45:00Z"), DAY);
        assertEquals("2026-01-05T00:00:00Z", chunk.text());
        assertEquals("2026-01-05", chunk.label());
        assertEquals(chunk, Chunk.parse(chunk.text(), DAY));
    }

    @Test
    void hourChunksAreLabelledWithTheirInstant() {
        Chunk chunk = Chunk.containing(Instant.parse("2026-01-05T13:45:00Z"), Duration.ofHours(1));
        assertEquals("2026-01-05T13:00:00Z", chunk.label());
    }

    @Test
    void offGridStartIsRejectedNamingTheRightStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chunk.parse("2026-01-05T00:00:00Z", WEEK));
        assertTrue(e.getMessage().contains("2026-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void malformedTextAndBadLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Chunk.parse("2026-01-05", DAY));
        assertThrows(IllegalArgumentException.class, () -> Chunk.containing(Instant.EPOCH, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Chunk.containing(Instant.EPOCH, Duration.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> Chunk.containing(Instant.EPOCH, Duration.ofNanos(1500)));
    }
}
