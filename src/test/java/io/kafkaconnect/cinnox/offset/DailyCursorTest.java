package io.kafkaconnect.cinnox.offset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class DailyCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));

    private static DailyCursor busy() {
        return DailyCursor.fresh().startWindow(T0, T1).nextPage(1)
                .track("e7", "open", T0.plusSeconds(60)).track("e|8,=", "v|1,2=", T0.plusSeconds(120))
                .startSweep(T0.minus(Duration.ofDays(1)), T0).sweepPageRead(50);
    }

    @Test
    void freshCursorHasNothingFixed() {
        DailyCursor fresh = DailyCursor.fresh();
        assertFalse(fresh.windowFixed());
        assertFalse(fresh.sweeping());
        assertFalse(fresh.done());
        assertEquals(Optional.empty(), fresh.windowLimit());
        assertEquals(fresh, DailyCursor.fromOffset(null));
        assertEquals(fresh, DailyCursor.fromOffset(fresh.toOffset()));
        assertEquals(WindowCursor.fresh().toOffset(), fresh.toOffset(), "every kind writes the same keys");
    }

    @Test
    void offsetFormatIsFlatVersionedAndPrimitive() {
        Map<String, Object> offset = busy().toOffset();
        assertEquals(1, offset.get("v"));
        assertEquals(T0.toEpochMilli(), offset.get("windowStart"));
        assertEquals(1L, offset.get("offset"));
        assertEquals("e7=open|1767225660000,e%7C8%2C%3D=v%7C1%2C2%3D|1767225720000", offset.get("tracked"));
        assertEquals(T0.minus(Duration.ofDays(1)).toEpochMilli(), offset.get("sweepStart"));
        assertEquals(50L, offset.get("sweepOffset"));
        assertEquals("", offset.get("pending"));
        OffsetUtils.validateFormat(offset);
    }

    @Test
    void roundTripsThroughJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        DailyCursor cursor = busy().sweepFinished(T1).track("big", "1", Instant.ofEpochMilli(Integer.MAX_VALUE + 1L))
                .unitFinished();
        String json = mapper.writeValueAsString(cursor.toOffset());
        Map<String, Object> stored = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        assertEquals(cursor, DailyCursor.fromOffset(stored));
    }

    @Test
    void malformedTrackedTextIsRejectedNamingTheProblem() {
        assertRejected(Map.of("v", 1, "tracked", "e1=open"), "id=version|windowTimeMs");
        assertRejected(Map.of("v", 1, "tracked", "e1=open|soon"), "epoch-millisecond");
        assertRejected(Map.of("v", 1, "sweepStart", 10, "sweepEnd", 5), "before its start");
        assertRejected(Map.of("v", 1, "task", 0), "unknown keys [task]");
    }

    @Test
    void trackedVersionsAreReplacedRemovedAndExpired() {
        DailyCursor cursor = DailyCursor.fresh().track("a", "open", T0).track("b", "open", T1).track("a", "assigned", T0);
        assertEquals(new TrackedVersion("assigned", T0.toEpochMilli()), cursor.tracked().get("a"));
        assertEquals(List.of("b"), List.copyOf(cursor.untrack("a").tracked().keySet()));
        assertEquals(List.of("b"), List.copyOf(cursor.expireTracked(T1).tracked().keySet()));
        assertEquals(2, cursor.expireTracked(T0).tracked().size());
        assertEquals(cursor, cursor.untrack("unknown"));
    }

    @Test
    void sweepRunsThenRecordsWhenItFinished() {
        DailyCursor cursor = DailyCursor.fresh().startSweep(T0, T1).sweepPageRead(500);
        assertTrue(cursor.sweeping());
        assertEquals(500, cursor.sweep().offset());
        assertThrows(IllegalStateException.class, () -> cursor.startSweep(T0, T1));
        DailyCursor swept = cursor.sweepFinished(T1.plusSeconds(30));
        assertFalse(swept.sweeping());
        assertEquals(T1.plusSeconds(30).toEpochMilli(), swept.lastSweepAt());
        assertThrows(IllegalStateException.class, () -> swept.sweepFinished(T1));
    }

    @Test
    void emptyIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DailyCursor.fresh().track("", "v", T0));
    }

    private static void assertRejected(Map<String, ?> offset, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DailyCursor.fromOffset(offset));
        assertTrue(e.getMessage().startsWith("Invalid source offset"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
