package io.kafkaconnect.cinnox.work;

import io.kafkaconnect.cinnox.report.Report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class WorkUnitTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Chunk CHUNK = Chunk.containing(Instant.parse("2026-01-05T10:00:00Z"), WEEK);
    private static final WorkUnit ENQUIRIES = new WorkUnit("app1", Report.ENQUIRY_DETAIL, CHUNK);
    private static final WorkUnit CHANNELS = WorkUnit.snapshot("app1", Report.CHANNEL_TYPE_LIST);

    @Test
    void partitionNamesAppReportAndChunkOnly() {
        assertEquals(Map.of("app", "app1", "report", "enquiry-detail", "chunk", "2026-01-01T00:00:00Z"),
                ENQUIRIES.toPartition());
        assertEquals(Map.of("app", "app1", "report", "channel-type-list"), CHANNELS.toPartition());
        OffsetUtils.validateFormat(ENQUIRIES.toPartition());
    }

    @Test
    void partitionRoundTrips() {
        assertEquals(ENQUIRIES, WorkUnit.fromPartition(ENQUIRIES.toPartition(), WEEK));
        assertEquals(CHANNELS, WorkUnit.fromPartition(CHANNELS.toPartition(), WEEK));
    }

    @Test
    void malformedPartitionsAreRejectedWithTheReason() {
        assertRejected(null, "null");
        assertRejected(Map.of("report", "enquiry-detail", "chunk", "2026-01-01T00:00:00Z"), "'app'");
        assertRejected(Map.of("app", "", "report", "enquiry-detail", "chunk", "2026-01-01T00:00:00Z"), "'app'");
        assertRejected(Map.of("app", 7L, "report", "enquiry-detail", "chunk", "2026-01-01T00:00:00Z"), "'app'");
        assertRejected(Map.of("app", "a", "report", "enquiries", "chunk", "2026-01-01T00:00:00Z"), "Unknown report");
        assertRejected(Map.of("app", "a", "report", "enquiry-detail"), "'chunk'");
        assertRejected(Map.of("app", "a", "report", "enquiry-detail", "chunk", "yesterday"), "ISO-8601");
        assertRejected(Map.of("app", "a", "report", "enquiry-detail", "chunk", "2026-01-05T00:00:00Z"), "grid");
        assertRejected(Map.of("app", "a", "report", "channel-type-list", "chunk", "2026-01-01T00:00:00Z"),
                "snapshot");
        assertRejected(Map.of("app", "a", "report", "enquiry-chat", "chunk", "2026-01-01T00:00:00Z"),
                "no units of its own");
        assertRejected(Map.of("app", "a", "report", "enquiry-detail", "chunk", "2026-01-01T00:00:00Z",
                "task", "0"), "unknown keys [task]");
    }

    @Test
    void chunkOfAnotherGridIsRejected() {
        Map<String, Object> daily = new WorkUnit("a", Report.SMS_DETAIL,
                Chunk.containing(Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(1))).toPartition();
        assertRejected(daily, "2026-01-01T00:00:00Z");
    }

    @Test
    void childReportsHaveNoUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkUnit("a", Report.ENQUIRY_CHAT, CHUNK));
        assertTrue(e.getMessage().contains("enquiry-detail"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkUnit.snapshot("a", Report.RECORDING_FILE));
    }

    @Test
    void chunkPresenceFollowsTheKind() {
        assertThrows(IllegalArgumentException.class, () -> new WorkUnit("a", Report.CALL_LOG, null));
        assertThrows(IllegalArgumentException.class, () -> new WorkUnit("a", Report.CHANNEL_TYPE_DETAIL, CHUNK));
        assertThrows(IllegalArgumentException.class, () -> new WorkUnit(" ", Report.CALL_LOG, CHUNK));
    }

    @Test
    void encodingIsCompactAndReversible() {
        assertEquals("app1/enquiry-detail/2026-01-01T00:00:00Z/PT168H", ENQUIRIES.encode());
        assertEquals("app1/channel-type-list", CHANNELS.encode());
        assertEquals(ENQUIRIES, WorkUnit.decode(ENQUIRIES.encode()));
        assertEquals(CHANNELS, WorkUnit.decode(CHANNELS.encode()));
    }

    @Test
    void oddAppIdsSurviveEncoding() {
        WorkUnit odd = new WorkUnit("a/b,c d%é", Report.ENQUIRY_OVERVIEW, CHUNK);
        String text = odd.encode();
        assertFalse(text.contains(","), text);
        assertEquals(odd, WorkUnit.decode(text));
        List<WorkUnit> units = List.of(odd, CHANNELS, ENQUIRIES);
        assertEquals(units, WorkUnit.decodeAll(WorkUnit.encodeAll(units)));
    }

    @Test
    void emptyListsEncodeToNothing() {
        assertEquals("", WorkUnit.encodeAll(List.of()));
        assertEquals(List.of(), WorkUnit.decodeAll(""));
        assertEquals(List.of(), WorkUnit.decodeAll(null));
    }

    @Test
    void malformedEncodingsAreRejected() {
        for (String text : List.of("app1", "app1/enquiries", "app1/enquiry-detail/2026-01-01T00:00:00Z",
                "app1/enquiry-detail/2026-01-01T00:00:00Z/7days", "app1/enquiry-chat", "a/b/c/d/e")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkUnit.decode(text));
            assertTrue(e.getMessage().contains(text), e.getMessage());
        }
    }

    @Test
    void readableInLogs() {
        assertEquals("app1:enquiry-detail@2026-01-01", ENQUIRIES.toString());
        assertEquals("app1:channel-type-list", CHANNELS.toString());
    }

    private static void assertRejected(Map<String, ?> partition, String expected) {
        Map<String, ?> copy = partition == null ? null : new HashMap<>(partition);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkUnit.fromPartition(copy, WEEK));
        assertTrue(e.getMessage().startsWith("Invalid source partition"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
