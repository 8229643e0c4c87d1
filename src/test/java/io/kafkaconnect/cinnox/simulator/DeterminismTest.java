package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {

    private static final Instant T0 = Instant.parse("2026-01-10T06:00:00Z");
    private static final Instant FROM = Instant.parse("2026-01-08T00:00:00Z");

    private static String served(long seed, String dataType) {
        try (CinnoxSimulator sim = start(seed)) {
            return new SimClient(sim).get(dataType, SimClient.query("startAt", FROM, "endAt", T0, "limit", 500)).body();
        }
    }

    private static CinnoxSimulator start(long seed) {
        return CinnoxSimulator.start(SimulatorSettings.builder().seed(seed).historyDays(2).volume(Volume.perDay(40))
                .fixedClock(T0).build());
    }

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        for (String type : List.of("enquiry-detail", "call-detail", "call-log", "conference-detail", "sms-detail",
                "sent-campaigns-summary")) {
            String a = served(42, type);
            assertTrue(a.startsWith("{\"code\":0,\"result\":[{"), type + ": " + a);
            assertEquals(a, served(42, type), type);
            assertNotEquals(a, served(43, type), type);
        }
    }

    @Test
    void dataLooksLikeTheExamples() {
        try (CinnoxSimulator sim = start(42)) {
            JsonNode e = sim.truth().records("enquiry-detail", FROM, T0).get(0);
            for (String field : List.of("id", "uniqueKey", "createdAt", "svcID", "inquiry", "tag", "visitor", "roomID",
                    "initChannel", "omniType", "ip", "language", "location", "platform", "status",
                    "displayCaseNumber", "channel", "destinationID", "destinationName", "destinationType",
                    "visitorName", "enquiryDuration", "deepLink")) {
                assertTrue(e.has(field), field);
            }
            assertTrue(e.path("locationDetail").has("regionCode"));
            assertTrue(e.path("labelIDs").isArray());
            assertTrue(e.path("createdAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
            JsonNode conference = sim.truth().records("conference-detail", FROM, T0).get(0);
            assertTrue(conference.path("conferenceDetail").path("participants").isArray());
            assertTrue(conference.path("callConferenceList").isArray());
            String all = sim.truth().records("enquiry-detail", FROM, T0).toString()
                    + sim.truth().records("sms-detail", FROM, T0);
            assertTrue(all.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "CJK text present");
            assertTrue(all.codePoints().anyMatch(c -> c > 0xFFFF), "emoji present");
            assertFalse(sim.truth().channelTypes().isEmpty());
        }
    }
}
