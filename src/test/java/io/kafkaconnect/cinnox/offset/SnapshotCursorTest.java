package io.kafkaconnect.cinnox.offset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class SnapshotCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static SnapshotCursor busy() {
        return SnapshotCursor.fresh().track("WHATSAPP", "3f2a", T0).withPending(List.of("WHATSAPP", "S M S"))
                .childPageRead(100).snapshotTaken(T0.plusSeconds(5));
    }

    @Test
    void freshCursorIsNeverDone() {
        SnapshotCursor fresh = SnapshotCursor.fresh();
        assertFalse(fresh.done());
        assertEquals(0, fresh.pendingChildren());
        assertEquals(fresh, SnapshotCursor.fromOffset(Map.of()));
        assertEquals(fresh, UnitCursor.fresh(Report.Kind.SNAPSHOT));
        assertEquals(WindowCursor.fresh().toOffset(), fresh.toOffset(), "every kind writes the same keys");
    }

    @Test
    void offsetFormatIsFlatVersionedAndPrimitive() {
        Map<String, Object> offset = busy().toOffset();
        assertEquals(1, offset.get("v"));
        assertEquals("WHATSAPP,S+M+S", offset.get("pending"));
        assertEquals(100L, offset.get("childOffset"));
        assertEquals("WHATSAPP=3f2a|" + T0.toEpochMilli(), offset.get("tracked"));
        assertEquals(T0.plusSeconds(5).toEpochMilli(), offset.get("lastSnapshotAt"));
        assertEquals(0L, offset.get("windowStart"));
        OffsetUtils.validateFormat(offset);
        assertEquals(busy(), SnapshotCursor.fromOffset(offset));
        assertEquals(busy(), UnitCursor.fromOffset(Report.Kind.SNAPSHOT, offset));
    }

    @Test
    void channelTypesAreReadInOrder() {
        SnapshotCursor cursor = busy();
        assertEquals(2, cursor.pendingChildren());
        assertEquals(100, cursor.childOffset());
        SnapshotCursor second = cursor.childFinished();
        assertEquals(List.of("S M S"), second.pending());
        assertEquals(0, second.childOffset());
        assertThrows(IllegalStateException.class, () -> second.withPending(List.of("X")));
        assertThrows(IllegalStateException.class, () -> second.childFinished().childFinished());
    }

    @Test
    void malformedOffsetsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotCursor.fromOffset(Map.of("v", 1, "childOffset", 3)));
        assertTrue(e.getMessage().contains("without pending"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitCursor.fromOffset(Report.Kind.CHILD, Map.of()));
    }
}
