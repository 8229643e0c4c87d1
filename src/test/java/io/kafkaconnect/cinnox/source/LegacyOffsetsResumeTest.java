package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Offsets stored by earlier releases (format {@code "v": 1}, written here as literal maps, small numbers as
 * Integer the way a JSON round trip returns them) must still load, and a task must resume from them:
 * nothing the offset says is done is emitted again, nothing after it is skipped.
 */
class LegacyOffsetsResumeTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = Instant.parse("2026-01-08T00:00:00Z");
    private static final Instant CHUNK_END = Instant.parse("2026-01-09T00:00:00Z");
    private static final Instant DONE_UNTIL = Instant.parse("2026-01-08T12:00:00Z");

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void todaysFormatHasTheseKeysPlusTheLateDataOnes() {
        Set<String> keys = new java.util.LinkedHashSet<>(offset(0, 0, 0, "", "", 0, false).keySet());
        keys.addAll(List.of("lastRow", "restarts", "recentAt", "horizonAt", "lookbackAt", "passTier", "passEnd",
                "passWindowStart", "passWindowEnd", "passOffset", "passLastRow", "passRestarts", "seedUntil"));
        assertEquals(keys, WindowCursor.fresh().toOffset().keySet());
    }

    @Test
    void tasksResumeFromOffsetsInTodaysFormatForEveryKindOfUnit() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of(
                "reports", "enquiry-detail,enquiry-chat,enquiry-overview,channel-type-list",
                "snapshot.refresh.interval.ms", Long.toString(Duration.ofDays(1).toMillis())));
        JsonNode closed = closedEnquiryWithChatBefore(DONE_UNTIL);
        String enquiryId = closed.path("inquiry").asText();

        long done = DONE_UNTIL.toEpochMilli();
        h.offsets.put(partition("enquiry-detail", "2026-01-08T00:00:00Z"),
                offset(done, done, 0, "chat:" + enquiryId, "", 0, false));
        long day = CHUNK_END.toEpochMilli();
        h.offsets.put(partition("enquiry-overview", "2026-01-08T00:00:00Z"),
                offset(day, day, 0, "", "", 0, false));
        h.offsets.put(partition("channel-type-list", null),
                offset(0, 0, 0, "", "WHATSAPP=3f2a|" + NOW.toEpochMilli(), NOW.toEpochMilli(), false));

        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(tasks);

        Set<String> before = keysWithEventTime(h, "enquiry-detail", HISTORY, DONE_UNTIL);
        assertTrue(before.isEmpty(), "enquiries the offset had done were emitted again: " + before);
        Set<String> expected = sim.truth().records("enquiry-detail", DONE_UNTIL, CHUNK_END).stream()
                .map(n -> n.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(expected.isEmpty());
        expected.removeAll(keysWithEventTime(h, "enquiry-detail", DONE_UNTIL, CHUNK_END));
        assertTrue(expected.isEmpty(), "enquiries after the offset were skipped: " + expected);

        Set<String> chat = sim.truth().chat(enquiryId).stream().map(n -> n.path("hid").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        chat.removeAll(h.recordsOf("cinnox.enquiry-chat").stream().map(r -> (String) r.key()).toList());
        assertTrue(chat.isEmpty(), "the pending chat was not read: " + chat);

        Set<Object> days = h.recordsOf("cinnox.enquiry-overview").stream().map(SourceRecord::key)
                .collect(Collectors.toSet());
        assertFalse(days.contains("2026-01-08"), "the day the offset had done was emitted again: " + days);
        assertTrue(days.contains("2026-01-09"), "the next day was not read: " + days);

        assertEquals(List.of(), h.recordsOf("cinnox.channel-type-list"),
                "a snapshot read at NOW is not due again within its refresh interval");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    private JsonNode closedEnquiryWithChatBefore(Instant end) {
        return sim.truth().records("enquiry-detail", HISTORY, end).stream()
                .filter(n -> "closed".equalsIgnoreCase(n.path("status").asText()))
                .filter(n -> !sim.truth().chat(n.path("inquiry").asText()).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("the simulator holds a closed enquiry with chat"));
    }

    private static Set<String> keysWithEventTime(TaskHarness h, String report, Instant from, Instant to) {
        return h.recordsOf("cinnox." + report).stream().filter(r -> {
            Header time = r.headers().lastWithName("cinnox.event.time");
            Instant at = Instant.parse((String) time.value());
            return !at.isBefore(from) && at.isBefore(to);
        }).map(r -> (String) r.key()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Map<String, Object> partition(String report, String chunk) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("app", sim.defaultAccount().appId());
        partition.put("report", report);
        if (chunk != null) {
            partition.put("chunk", chunk);
        }
        return partition;
    }

    /** An offset exactly as version 1 writes it: 14 keys, numbers as a JSON round trip returns them. */
    private static Map<String, Object> offset(long windowStart, long windowEnd, int pageOffset, String pending,
            String tracked, long lastSnapshotAt, boolean done) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("v", 1);
        offset.put("windowStart", windowStart);
        offset.put("windowEnd", windowEnd);
        offset.put("offset", pageOffset);
        offset.put("windowMax", 0);
        offset.put("pending", pending);
        offset.put("childOffset", 0);
        offset.put("tracked", tracked);
        offset.put("sweepStart", 0);
        offset.put("sweepEnd", 0);
        offset.put("sweepOffset", 0);
        offset.put("lastSweepAt", 0);
        offset.put("lastSnapshotAt", lastSnapshotAt);
        offset.put("done", done);
        return offset;
    }
}
