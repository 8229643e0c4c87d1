package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MutationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant DAY_START = Instant.parse("2026-01-10T00:00:00Z");

    private CinnoxSimulator sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(1).volume(Volume.perDay(200))
                .fixedClock(T0).rateLimitPerMinute(100_000).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode served(String dataType, String idField, String id) {
        SimClient.Reply r = client.get(dataType, SimClient.query("startAt", DAY_START, "endAt",
                DAY_START.plus(Duration.ofDays(1)), "limit", 500));
        for (JsonNode n : r.result()) {
            if (n.path(idField).asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void enquiryClosesAsTheClockAdvancesAndItsChatAppears() {
        JsonNode ongoing = sim.truth().records("enquiry-detail", DAY_START, T0).stream()
                .filter(e -> e.path("status").asText().equals("ongoing")).reduce((a, b) -> b).orElseThrow();
        String id = ongoing.path("id").asText();
        String inquiry = ongoing.path("inquiry").asText();
        assertEquals(6451011, client.get("enquiry-chat", "enquiryID=" + inquiry).code(), "no chat while open");
        assertTrue(sim.truth().chat(inquiry).isEmpty());

        sim.clock().advance(Duration.ofDays(3));
        JsonNode later = served("enquiry-detail", "id", id);
        assertEquals("closed", later.path("status").asText());
        assertTrue(later.path("enquiryDuration").asLong() > 0);
        JsonNode chat = client.get("enquiry-chat", "enquiryID=" + later.path("displayCaseNumber").asText()).result();
        assertTrue(chat.size() >= 4);
        for (int i = 0; i < chat.size(); i++) {
            assertEquals(i + 1, chat.get(i).path("seq").asInt(), "ordered by seq");
            assertEquals(inquiry, chat.get(i).path("inquiryID").asText());
        }
        assertEquals(sim.truth().chat(inquiry).size(), chat.size());

        List<Change> changes = sim.truth().changes(T0, sim.clock().now());
        assertTrue(changes.stream().anyMatch(c -> c.endpoint().equals("enquiry-detail") && c.id().equals(id)
                && c.description().equals("status ongoing -> closed")), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.endpoint().equals("enquiry-chat") && c.id().equals(inquiry)));
    }

    @Test
    void smsCarrierStatusChangesWithUpdatedAt() {
        sim.clock().set(Instant.parse("2026-01-10T00:00:00Z"));
        JsonNode queued = null;
        for (int minute = 1; minute <= 240 && queued == null; minute++) {
            sim.clock().advance(Duration.ofMinutes(1));
            queued = sim.truth().records("sms-detail", DAY_START, sim.clock().now()).stream()
                    .filter(s -> s.path("carrierStatus").asText().equals("Queued")
                            && s.path("status").asText().equals("Submitted")).findFirst().orElse(null);
        }
        assertTrue(queued != null, "some SMS is queued at some minute of the morning");
        String id = queued.path("id").asText();
        assertEquals(queued.path("createdAt"), queued.path("updatedAt"));
        sim.clock().advance(Duration.ofHours(6));
        JsonNode later = served("sms-detail", "id", id);
        assertNotEquals("Queued", later.path("carrierStatus").asText());
        assertTrue(Instant.parse(later.path("updatedAt").asText()).isAfter(Instant.parse(later.path("createdAt").asText())));
        assertTrue(sim.truth().changes(DAY_START, sim.clock().now()).stream()
                .anyMatch(c -> c.id().equals(id) && c.description().startsWith("carrierStatus Queued -> ")));
    }

    @Test
    void callsBecomeVisibleOnlyAfterTheyEnd() {
        sim.clock().set(Instant.parse("2026-01-10T23:59:59Z"));
        List<JsonNode> dayCalls = sim.truth().records("call-detail", DAY_START, sim.clock().now());
        sim.clock().set(T0);
        JsonNode late = dayCalls.stream()
                .filter(c -> Instant.parse(c.path("callDate").asText()).isAfter(T0.minus(Duration.ofMinutes(2))))
                .findFirst().orElseThrow();
        Instant end = Instant.parse(late.path("callEndTime").asText());
        assertTrue(Duration.between(Instant.parse(late.path("callDate").asText()), end).toMinutes() <= 20);
        sim.clock().set(Instant.parse(late.path("callDate").asText()));
        assertEquals(null, served("call-detail", "id", late.path("id").asText()), "not visible while the call runs");
        sim.clock().set(end.plus(Duration.ofMinutes(3)));
        assertEquals(late, served("call-detail", "id", late.path("id").asText()));
    }

    @Test
    void campaignCountersMoveDuringDelivery() {
        JsonNode campaign = sim.truth().records("sent-campaigns-summary", DAY_START, T0).get(0);
        Instant sent = Instant.parse(campaign.path("date").asText());
        String id = campaign.path("id").asText();
        sim.clock().set(sent);
        JsonNode atSend = served("sent-campaigns-summary", "id", id);
        assertEquals(atSend.path("totalRecipients").asInt(), atSend.path("pending").asInt());
        assertTrue(sim.truth().campaignRecipients(id).stream().allMatch(r -> r.path("status").asText().equals("Pending")));
        sim.clock().set(sent.plus(Duration.ofDays(1)));
        JsonNode later = served("sent-campaigns-summary", "id", id);
        assertEquals(0, later.path("pending").asInt());
        assertEquals(later.path("totalRecipients").asInt(), later.path("delivered").asInt() + later.path("failed").asInt());
        assertFalse(sim.truth().campaignRecipients(id).get(0).path("LastUpdatedDateTime").asText()
                .equals(campaign.path("date").asText()));
    }

    @Test
    void newRecordsKeepAppearingAsTimePasses() {
        Instant end = Instant.parse("2026-01-12T00:00:00Z");
        int before = sim.truth().records("enquiry-detail", DAY_START, end).size();
        sim.clock().advance(Duration.ofHours(30));
        int after = sim.truth().records("enquiry-detail", DAY_START, end).size();
        assertTrue(after > before + 150, before + " -> " + after);
        assertTrue(sim.truth().changes(T0, sim.clock().now()).stream()
                .anyMatch(c -> c.description().startsWith("created") && c.at().isAfter(Instant.parse("2026-01-11T00:00:00Z"))));
    }

    @Test
    void liveClockCannotBeSet() {
        try (CinnoxSimulator live = CinnoxSimulator.start(SimulatorSettings.builder().volume(Volume.perDay(5))
                .historyDays(0).build())) {
            assertTrue(live.clock().isLive());
            try {
                live.clock().advance(Duration.ofSeconds(1));
                throw new AssertionError("expected IllegalStateException");
            } catch (IllegalStateException expected) {
                assertTrue(Math.abs(Duration.between(live.clock().now(), Instant.now()).toSeconds()) < 5);
            }
        }
    }
}
