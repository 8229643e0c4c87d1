package io.kafkaconnect.cinnox.offset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class WindowCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));

    private static WindowCursor busy() {
        return WindowCursor.fresh()
                .startWindow(T0, T1.plus(Duration.ofHours(1))).windowHalved().nextPage(500)
                .withPending(List.of("e1", "e,2|x=y", "é 3")).childPageRead(100);
    }

    @Test
    void freshCursorHasNothingFixed() {
        WindowCursor fresh = WindowCursor.fresh();
        assertFalse(fresh.windowFixed());
        assertFalse(fresh.done());
        assertEquals(Optional.empty(), fresh.windowLimit());
        assertEquals(fresh, WindowCursor.fromOffset(null));
        assertEquals(fresh, WindowCursor.fromOffset(Map.of()));
        assertEquals(fresh, WindowCursor.fromOffset(fresh.toOffset()));
    }

    @Test
    void offsetFormatIsFlatVersionedAndPrimitive() {
        Map<String, Object> offset = busy().toOffset();
        assertEquals(1, offset.get("v"));
        assertEquals(T0.toEpochMilli(), offset.get("windowStart"));
        assertEquals(T1.toEpochMilli(), offset.get("windowEnd"));
        assertEquals(500L, offset.get("offset"));
        assertEquals("e1,e%2C2%7Cx%3Dy,%C3%A9+3", offset.get("pending"));
        assertEquals(3_600_000L, offset.get("windowMax"));
        assertEquals(100L, offset.get("childOffset"));
        assertEquals(false, offset.get("done"));
        // Connect refuses to flush offsets holding lists or maps.
        OffsetUtils.validateFormat(offset);
    }

    @Test
    void roundTripsInMemory() {
        WindowCursor cursor = busy().unitFinished();
        assertEquals(Optional.of(Duration.ofHours(1)), cursor.windowLimit());
        assertEquals(cursor, WindowCursor.fromOffset(cursor.toOffset()));
    }

    @Test
    void roundTripsThroughConnectJsonWhereIntsBecomeLongs() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        WindowCursor cursor = busy();
        byte[] json = converter.fromConnectData("offsets", null, cursor.toOffset());
        Map<?, ?> stored = (Map<?, ?>) converter.toConnectData("offsets", json).value();
        assertInstanceOf(Long.class, stored.get("v"));
        assertEquals(cursor, WindowCursor.fromOffset(castKeys(stored)));
    }

    @Test
    void roundTripsThroughJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        WindowCursor cursor = busy().unitFinished();
        String json = mapper.writeValueAsString(cursor.toOffset());
        Map<String, Object> stored = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        assertInstanceOf(Integer.class, stored.get("childOffset"));
        assertEquals(cursor, WindowCursor.fromOffset(stored));
    }

    @Test
    void newerVersionIsRefusedClearly() {
        Map<String, Object> offset = new HashMap<>(busy().toOffset());
        offset.put("v", 2L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowCursor.fromOffset(offset));
        assertTrue(e.getMessage().contains("newer connector"), e.getMessage());
    }

    @Test
    void malformedOffsetsAreRejectedNamingTheKey() {
        assertRejected(Map.of("windowStart", 1L), "no format version");
        assertRejected(Map.of("v", 0), "unknown format version 0");
        assertRejected(Map.of("v", "1"), "'v' must be a number");
        assertRejected(Map.of("v", 1, "windowStart", "yesterday"), "'windowStart' must be a number");
        assertRejected(Map.of("v", 1, "offset", 1.5), "whole number");
        assertRejected(Map.of("v", 1, "windowStart", 10, "windowEnd", 5), "before its start");
        assertRejected(Map.of("v", 1, "offset", 10), "without a fixed window");
        assertRejected(Map.of("v", 1, "done", "yes"), "'done'");
        assertRejected(Map.of("v", 1, "pending", List.of("e1")), "'pending' must be a string");
        assertRejected(Map.of("v", 1, "childOffset", 3), "without pending");
        assertRejected(Map.of("v", 1, "task", 0), "unknown keys [task]");
    }

    @Test
    void missingKeysTakeFreshValues() {
        WindowCursor cursor = WindowCursor.fromOffset(Map.of("v", 1, "windowStart", 1000, "windowEnd", 1000));
        assertEquals(WindowCursor.fresh().startWindow(Instant.EPOCH, Instant.ofEpochMilli(1000)).windowFinished(), cursor);
    }

    @Test
    void mainWindowPagesThenFinishesAtItsEnd() {
        WindowCursor cursor = WindowCursor.fresh().startWindow(T0, T1).nextPage(500).nextPage(20);
        assertTrue(cursor.windowFixed());
        assertEquals(520, cursor.pageOffset());
        WindowCursor finished = cursor.windowFinished();
        assertFalse(finished.windowFixed());
        assertEquals(T1.toEpochMilli(), finished.windowStart());
        assertEquals(T1.toEpochMilli(), finished.windowEnd());
        assertEquals(0, finished.pageOffset());
        assertThrows(IllegalStateException.class, () -> cursor.startWindow(T1, T1.plusSeconds(1)));
        assertThrows(IllegalStateException.class, () -> finished.nextPage(1));
        assertThrows(IllegalStateException.class, finished::windowFinished);
    }

    @Test
    void childWorkIsReadInOrderBeforeTheWindowMovesOn() {
        WindowCursor cursor = WindowCursor.fresh().startWindow(T0, T1).nextPage(2).withPending(List.of("a", "b"));
        assertThrows(IllegalStateException.class, cursor::windowFinished);
        assertThrows(IllegalStateException.class, () -> cursor.withPending(List.of("c")));
        WindowCursor firstRead = cursor.childPageRead(500).childPageRead(3);
        assertEquals(503, firstRead.childOffset());
        WindowCursor second = firstRead.childFinished();
        assertEquals(List.of("b"), second.pending());
        assertEquals(0, second.childOffset());
        WindowCursor none = second.childFinished();
        assertEquals(List.of(), none.pending());
        assertThrows(IllegalStateException.class, none::childFinished);
        assertThrows(IllegalStateException.class, () -> none.childPageRead(1));
        assertFalse(none.windowFinished().windowFixed());
    }

    @Test
    void halvingKeepsTheStartAndRemembersTheLimit() {
        WindowCursor cursor = WindowCursor.fresh().startWindow(T0, T1).nextPage(50).windowHalved();
        assertEquals(T0.toEpochMilli(), cursor.windowStart());
        assertEquals(T0.plus(Duration.ofMinutes(30)).toEpochMilli(), cursor.windowEnd());
        assertEquals(0, cursor.pageOffset());
        assertEquals(Optional.of(Duration.ofMinutes(30)), cursor.windowLimit());
        assertEquals(Optional.of(Duration.ofMinutes(30)), cursor.windowFinished().windowLimit());
        WindowCursor tiny = WindowCursor.fresh().startWindow(T0, T0.plusMillis(1));
        assertThrows(IllegalStateException.class, tiny::windowHalved);
        assertThrows(IllegalStateException.class, () -> WindowCursor.fresh().windowHalved());
    }

    @Test
    void narrowingKeepsTheStartNeverWidensAndSurvivesARestart() {
        WindowCursor cursor = WindowCursor.fresh().startWindow(T0, T0.plus(Duration.ofDays(7))).nextPage(500)
                .windowNarrowed(Duration.ofDays(3));
        assertEquals(T0.toEpochMilli(), cursor.windowStart());
        assertEquals(T0.plus(Duration.ofDays(3)).toEpochMilli(), cursor.windowEnd());
        assertEquals(0, cursor.pageOffset());
        assertEquals(Optional.of(Duration.ofDays(3)), WindowCursor.fromOffset(cursor.toOffset()).windowLimit());
        WindowCursor same = cursor.windowNarrowed(Duration.ofDays(5));
        assertEquals(cursor.windowEnd(), same.windowEnd(), "a longer length does not widen the window");
        assertThrows(IllegalStateException.class, () -> WindowCursor.fresh().windowNarrowed(Duration.ofDays(1)));
        assertThrows(IllegalStateException.class, () -> cursor.windowNarrowed(Duration.ZERO));
    }

    @Test
    void emptyIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WindowCursor.fresh().withPending(List.of("")));
    }

    private static void assertRejected(Map<String, ?> offset, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowCursor.fromOffset(offset));
        assertTrue(e.getMessage().startsWith("Invalid source offset"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
