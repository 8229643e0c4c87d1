package io.kafkaconnect.cinnox.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static CinnoxSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(3).historyDays(2).volume(Volume.perDay(20))
                .fixedClock(T0).rateLimitPerMinute(100_000).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Stream<Arguments> badQueries() {
        String ok = "startAt=2026-01-09T00:00:00.000Z&endAt=2026-01-09T12:00:00.000Z";
        return Stream.of(
                Arguments.of("enquiry-detail", ok + "&foo=1&bar=2", "Invalid query: foo, bar"),
                Arguments.of("enquiry-detail", "startAt=yesterday&endAt=2026-01-09T12:00:00Z", "Bad query"),
                Arguments.of("enquiry-detail", "startAt=2026-01-09T00:00:00+08:00&endAt=2026-01-09T12:00:00Z", "Bad query"),
                Arguments.of("enquiry-detail", ok + "&limit=ten", "Bad query"),
                Arguments.of("enquiry-detail", ok + "&offset=1.5", "Bad query"),
                Arguments.of("enquiry-detail", "startAt=2026-01-09T00:00:00Z", "missing one of startAt, endAt"),
                Arguments.of("call-detail", "endAt=2026-01-09T00:00:00Z", "missing one of startAt, endAt"),
                Arguments.of("sms-detail", "", "Empty time range (missing startAt and endAt)"),
                Arguments.of("call-log", "startAt=2026-01-09T12:00:00Z&endAt=2026-01-09T00:00:00Z", "endAt is prior to startAt"),
                Arguments.of("enquiry-overview", "startAt=2025-10-01T00:00:00Z&endAt=2026-01-09T00:00:00Z",
                        "Exceed maximum query day 90"),
                Arguments.of("enquiry-detail", ok + "&offset=-1", "negative offset"),
                Arguments.of("enquiry-detail", ok + "&limit=-5", "negative limit"),
                Arguments.of("enquiry-detail", ok + "&limit=501", "exceed maximum limit 500"),
                Arguments.of("enquiry-chat", "", "enquiryID is required"),
                Arguments.of("enquiry-chat", "enquiryID=nope", "invalid enquiryID"),
                Arguments.of("recording-file", "", "callID or conferenceID is required"),
                Arguments.of("recording-file", "callID=a&conferenceID=b", "only one of callID or conferenceID is allowed"),
                Arguments.of("channel-type-detail", "channelType=PIGEON", "Invalid channel type"),
                Arguments.of("sent-campaigns-detail", "", "Bad query"),
                Arguments.of("nonsense", "", "Unknown data type"),
                // validation order: unknown names before formats, formats before pair presence, order before paging
                Arguments.of("enquiry-detail", "startAt=bad&zzz=1", "Invalid query: zzz"),
                Arguments.of("enquiry-detail", "startAt=bad", "Bad query"),
                Arguments.of("enquiry-detail", "startAt=2026-01-09T12:00:00Z&endAt=2026-01-09T00:00:00Z&offset=-1",
                        "endAt is prior to startAt"),
                Arguments.of("enquiry-detail", ok + "&offset=-1&limit=-1", "negative offset"));
    }

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @MethodSource("badQueries")
    void eachValidationMessage(String dataType, String query, String message) {
        SimClient.Reply r = client.get(dataType, query);
        assertEquals(400, r.status(), r.body());
        assertEquals(6451000, r.code());
        assertEquals(message, r.message());
    }

    @Test
    void literalPlusDecodesToSpaceButEncodedOffsetsAreAccepted() {
        String encoded = SimClient.query("startAt", "2026-01-09T08:00:00.123456789+08:00", "endAt", "2026-01-09T12:00:00Z");
        assertEquals(0, client.get("enquiry-detail", encoded).code());
        assertEquals(0, client.get("enquiry-detail", "startAt=2026-01-09T00:00:00.5Z&endAt=2026-01-09T12:00:00-01:00")
                .code());
    }

    @Test
    void perEndpointMaximumWindow() {
        sim.behaviour().maxWindowDays("call-detail", 7);
        try {
            SimClient.Reply r = client.get("call-detail", "startAt=2026-01-01T00:00:00Z&endAt=2026-01-08T00:00:01Z");
            assertEquals("Exceed maximum query day 7", r.message());
            assertEquals(0, client.get("call-detail", "startAt=2026-01-02T00:00:00Z&endAt=2026-01-09T00:00:00Z").code());
            assertEquals(0, client.get("sms-detail", "startAt=2025-12-01T00:00:00Z&endAt=2026-01-09T00:00:00Z").code());
        } finally {
            sim.behaviour().reset();
        }
    }

    @Test
    void authErrorsComeFirst() {
        SimAccount d = sim.defaultAccount();
        SimClient.Reply badToken = client.send("GET", "/v1/api/apps/" + d.appId() + "/data/nonsense", "x=1", "nope", null);
        assertEquals(401, badToken.status());
        assertEquals(6452000, badToken.code());
        assertEquals("Invalid token", badToken.message());
        SimClient.Reply noHeader = client.send("GET", "/v1/api/apps/" + d.appId() + "/data/sms-detail", "", null, null);
        assertEquals(6452000, noHeader.code());
        SimClient.Reply badApp = client.send("GET", "/v1/api/apps/app-unknown/data/sms-detail", "", d.token(), null);
        assertEquals(401, badApp.status());
        assertEquals(6452001, badApp.code());
        assertEquals("Invalid appID", badApp.message());
    }

    @Test
    void unknownRoutesAndMethods() {
        SimAccount d = sim.defaultAccount();
        SimClient.Reply post = client.send("POST", "/v1/api/apps/" + d.appId() + "/data/sms-detail", "", d.token(), "{}");
        assertEquals(404, post.status());
        assertEquals(6450001, post.code());
        assertEquals("method not found, method: POST url: /v1/api/apps/app-acme/data/sms-detail", post.message());
        SimClient.Reply other = client.send("GET", "/v2/whatever", "", d.token(), null);
        assertEquals("method not found, method: GET url: /v2/whatever", other.message());
        SimClient.Reply getSub = client.send("GET", "/v1/api/apps/" + d.appId() + "/inquiry-event-sub", "", d.token(), null);
        assertEquals(6450001, getSub.code());
    }

    @Test
    void chatOverTheSizeLimit() {
        String closed = sim.truth().records("enquiry-detail", Instant.parse("2026-01-08T00:00:00Z"), T0).stream()
                .filter(e -> e.path("status").asText().equals("closed")).findFirst().orElseThrow()
                .path("inquiry").asText();
        sim.behaviour().chatSizeLimit(2);
        try {
            SimClient.Reply r = client.get("enquiry-chat", "enquiryID=" + closed);
            assertEquals(400, r.status());
            assertEquals(6451013, r.code());
            assertEquals("Requested chat logs over the limit", r.message());
            assertEquals(0, client.get("enquiry-chat", "enquiryID=" + closed + "&limit=2").code(), "paged is allowed");
        } finally {
            sim.behaviour().reset();
        }
    }
}
