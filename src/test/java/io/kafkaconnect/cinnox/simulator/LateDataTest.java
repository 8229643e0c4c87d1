package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateDataTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant WINDOW_FROM = T0.minus(Duration.ofHours(2));

    private CinnoxSimulator sim;
    private SimClient client;

    private void start(DataSwitches data) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(7).historyDays(1).volume(Volume.perDay(300))
                .fixedClock(T0).rateLimitPerMinute(100_000).data(data).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Set<String> served(String dataType, String idField, Instant from, Instant to) {
        SimClient.Reply r = client.get(dataType, SimClient.query("startAt", from, "endAt", to, "limit", 500));
        if (r.code() == 6451011) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        r.result().forEach(n -> out.add(n.path(idField).asText()));
        return out;
    }

    private static Set<String> ids(List<JsonNode> nodes, String field) {
        return nodes.stream().map(n -> n.path(field).asText()).collect(Collectors.toSet());
    }

    @Test
    void longCallsAppearLongAfterTheirWindowWithTheirCallLogRows() {
        start(DataSwitches.NONE.withLongCalls(0.2, Duration.ofHours(2)));
        sim.clock().set(T0.plus(Duration.ofMinutes(30)));
        Set<String> early = served("call-detail", "id", WINDOW_FROM, T0);
        Set<String> earlyLog = served("call-log", "hid", WINDOW_FROM, T0);
        assertEquals(ids(sim.truth().records("call-detail", WINDOW_FROM, T0), "id"), early);
        sim.clock().set(T0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(3)));
        List<JsonNode> late = sim.truth().lateRows("call-detail", WINDOW_FROM, T0, Duration.ofMinutes(30));
        assertTrue(late.size() >= 3, "a share of the window's calls are long: " + late.size());
        for (JsonNode call : late) {
            Duration length = Duration.between(Instant.parse(call.path("callDate").asText()),
                    Instant.parse(call.path("callEndTime").asText()));
            assertEquals(Duration.ofHours(2), length);
            assertEquals("Call Ended", call.path("status").asText());
            assertFalse(early.contains(call.path("id").asText()), "not served half an hour after the window");
        }
        Set<String> now = served("call-detail", "id", WINDOW_FROM, T0);
        assertTrue(now.containsAll(ids(late, "id")), "served once the calls ended");
        assertEquals(ids(sim.truth().records("call-detail", WINDOW_FROM, T0), "id"), now);
        Set<String> lateLog = ids(sim.truth().lateRows("call-log", WINDOW_FROM, T0, Duration.ofMinutes(30)), "hid");
        assertTrue(lateLog.size() >= late.size(), "each long call has a late call-log row");
        assertTrue(served("call-log", "hid", WINDOW_FROM, T0).containsAll(lateLog));
        assertTrue(lateLog.stream().noneMatch(earlyLog::contains));
    }

    @Test
    void longConferencesToo() {
        start(DataSwitches.NONE.withLongCalls(1.0, Duration.ofHours(2)));
        Instant dayStart = Instant.parse("2026-01-10T00:00:00Z");
        List<JsonNode> all = sim.truth().records("conference-detail", dayStart, T0);
        sim.clock().set(T0.plus(Duration.ofHours(3)));
        List<JsonNode> later = sim.truth().records("conference-detail", dayStart, T0);
        assertTrue(later.size() > all.size(), "conferences of the last two hours were still running");
        later.forEach(c -> assertEquals(7200, c.path("callDuration").asInt()));
    }

    @Test
    void defaultCallsStayShort() {
        start(DataSwitches.NONE);
        sim.clock().set(T0.plus(Duration.ofHours(3)));
        assertEquals(List.of(), sim.truth().lateRows("call-detail", WINDOW_FROM, T0, Duration.ofMinutes(30)));
    }

    @Test
    void recordingReadyTenMinutesAfterItsCallEnds() {
        start(DataSwitches.NONE.withRecordingDelay(Duration.ofMinutes(10)));
        sim.clock().set(T0.plus(Duration.ofHours(1)));
        JsonNode call = sim.truth().records("call-detail", WINDOW_FROM, T0).stream()
                .filter(c -> c.path("isRecording").asBoolean()).findFirst().orElseThrow();
        String callID = call.path("callID").asText();
        Instant end = Instant.parse(call.path("callEndTime").asText());
        sim.clock().set(end.plus(Duration.ofMinutes(5)));
        assertTrue(served("call-detail", "id", WINDOW_FROM, T0).contains(call.path("id").asText()), "call visible");
        SimClient.Reply none = client.get("recording-file", SimClient.query("callID", callID));
        assertEquals(6451011, none.code(), "no file yet: " + none.body());
        assertEquals(List.of(), sim.truth().recordings(callID));
        sim.clock().set(end.plus(Duration.ofMinutes(10)));
        SimClient.Reply ready = client.get("recording-file", SimClient.query("callID", callID));
        assertEquals(200, ready.status(), ready.body());
        assertEquals(end.plus(Duration.ofMinutes(10)), Instant.parse(ready.result().get(0).path("createdAt").asText()));
        assertEquals(ids(sim.truth().recordings(callID), "id"), ids(List.of(ready.result().get(0)), "id"));
    }

    @Test
    void enquiryClosesFourDaysLaterWithStatusChangeInTheTruth() {
        start(DataSwitches.NONE.withLateClose(0.1, Duration.ofDays(4)));
        Instant dayStart = Instant.parse("2026-01-10T00:00:00Z");
        sim.clock().set(T0.plus(Duration.ofDays(3)));
        List<JsonNode> open = sim.truth().records("enquiry-detail", dayStart, T0).stream()
                .filter(e -> e.path("status").asText().equals("ongoing")).toList();
        assertTrue(open.size() >= 10, "a tenth of the day's enquiries still open after three days: " + open.size());
        JsonNode enquiry = open.get(0);
        Instant closeAt = Instant.parse(enquiry.path("createdAt").asText()).plus(Duration.ofDays(4));
        assertEquals(List.of(), sim.truth().chat(enquiry.path("inquiry").asText()));
        sim.clock().set(closeAt);
        JsonNode closed = sim.truth().records("enquiry-detail", dayStart, T0).stream()
                .filter(e -> e.path("id").asText().equals(enquiry.path("id").asText())).findFirst().orElseThrow();
        assertEquals("closed", closed.path("status").asText());
        assertFalse(sim.truth().chat(enquiry.path("inquiry").asText()).isEmpty(), "chat available once closed");
        List<Change> changes = sim.truth().changes(closeAt, closeAt);
        assertTrue(changes.stream().anyMatch(c -> c.id().equals(enquiry.path("id").asText())
                && c.description().equals("status ongoing -> closed")), changes.toString());
    }
}
