package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPagingTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant FROM = Instant.parse("2026-01-08T00:00:00Z");
    private static CinnoxSimulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(11).historyDays(2).volume(Volume.perDay(120))
                .fixedClock(T0).rateLimitPerMinute(100_000).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void resetSwitches() {
        sim.behaviour().reset();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void pagesConcatenateToTheGroundTruthInOrder() {
        List<JsonNode> truth = sim.truth().records("enquiry-detail", FROM, T0);
        assertTrue(truth.size() > 200, "enough rows for several pages");
        List<String> paged = new ArrayList<>();
        for (int offset = 0, page = 0; page < 100; page++, offset += 100) {
            SimClient.Reply r = client.get("enquiry-detail", SimClient.query("startAt", FROM, "endAt", T0,
                    "offset", offset, "limit", 100));
            if (r.code() == 6451011) {
                assertEquals(404, r.status());
                break;
            }
            paged.addAll(ids(r.result(), "id"));
            if (r.result().size() < 100) {
                break;
            }
        }
        assertEquals(ids(SimClient.MAPPER.valueToTree(truth), "id"), paged);
        List<String> createdAt = new ArrayList<>();
        truth.forEach(n -> createdAt.add(n.path("createdAt").asText()));
        List<String> sorted = new ArrayList<>(createdAt);
        sorted.sort(null);
        assertEquals(sorted, createdAt, "ascending by window field");
    }

    @Test
    void defaultLimitIsFiftyAndZeroMeansDefault() {
        String window = SimClient.query("startAt", FROM, "endAt", T0);
        assertEquals(50, client.get("sms-detail", window).result().size());
        assertEquals(50, client.get("sms-detail", window + "&limit=0").result().size());
        assertEquals(200, client.get("sms-detail", window + "&limit=200").result().size());
        sim.behaviour().defaultLimit(7).maxLimit(10);
        assertEquals(7, client.get("sms-detail", window).result().size());
        assertEquals("exceed maximum limit 10", client.get("sms-detail", window + "&limit=11").message());
    }

    @Test
    void boundsAreInclusiveByDefaultAndHalfOpenOnRequest() {
        JsonNode first = client.get("call-detail", SimClient.query("startAt", FROM, "endAt", T0, "limit", 1)).result().get(0);
        Instant at = Instant.parse(first.path("callDate").asText());
        String exact = SimClient.query("startAt", at, "endAt", at);
        assertEquals(first.path("id").asText(), client.get("call-detail", exact).result().get(0).path("id").asText());
        sim.behaviour().inclusiveEnd(false);
        assertEquals(6451011, client.get("call-detail", exact).code());
        String halfOpen = SimClient.query("startAt", at, "endAt", at.plusMillis(1));
        assertEquals(1, client.get("call-detail", halfOpen).result().size());
    }

    @Test
    void descendingOrderSwitch() {
        String q = SimClient.query("startAt", FROM, "endAt", T0, "limit", 500);
        List<String> ascending = ids(client.get("call-log", q).result(), "hid");
        sim.behaviour().descending(true);
        List<String> descending = ids(client.get("call-log", q).result(), "hid");
        List<JsonNode> truth = sim.truth().records("call-log", FROM, T0);
        assertEquals(truth.get(0).path("hid").asText(), descending.get(0));
        assertEquals(ascending.size(), descending.size());
        assertTrue(Instant.parse(truth.get(0).path("callDate").asText())
                .isAfter(Instant.parse(truth.get(truth.size() - 1).path("callDate").asText())));
    }

    @Test
    void envelopeSwitches() {
        String q = SimClient.query("startAt", FROM, "endAt", T0, "limit", 3);
        assertEquals(3, client.get("sms-detail", q).result().size());
        sim.behaviour().envelope(Envelope.DATA);
        JsonNode data = client.get("sms-detail", q).json();
        assertEquals(0, data.path("code").asInt());
        assertEquals(3, data.path("data").size());
        sim.behaviour().envelope(Envelope.BARE_ARRAY);
        JsonNode bare = client.get("sms-detail", q).json();
        assertTrue(bare.isArray());
        assertEquals(3, bare.size());
        JsonNode overview = client.get("enquiry-overview", SimClient.query("startAt", FROM, "endAt", T0)).json();
        assertTrue(overview.has("totalEnquiries"), "objects are bare too");
    }

    @Test
    void noRecordsStyles() {
        String empty = SimClient.query("startAt", "2025-12-01T00:00:00Z", "endAt", "2025-12-02T00:00:00Z");
        SimClient.Reply r = client.get("enquiry-detail", empty);
        assertEquals(404, r.status());
        assertEquals(6451011, r.code());
        assertEquals("No records found", r.message());
        sim.behaviour().noRecords(NoRecordsStyle.HTTP_200_CODE);
        r = client.get("enquiry-detail", empty);
        assertEquals(200, r.status());
        assertEquals(6451011, r.code());
        sim.behaviour().noRecords(NoRecordsStyle.EMPTY_ARRAY);
        r = client.get("enquiry-detail", empty);
        assertEquals(200, r.status());
        assertEquals("{\"code\":0,\"result\":[]}", r.body());
    }

    @Test
    void overviewCountsTheWindow() {
        JsonNode overview = client.get("enquiry-overview", SimClient.query("startAt", FROM, "endAt", T0)).result();
        assertEquals(sim.truth().records("enquiry-detail", FROM, T0).size(), overview.path("totalEnquiries").asInt());
        int sum = overview.path("ongoingEnquiries").asInt() + overview.path("followedUpEnquiries").asInt()
                + overview.path("missedEnquiries").asInt() + overview.path("closedEnquiries").asInt();
        assertEquals(overview.path("totalEnquiries").asInt(), sum);
        assertEquals(sim.truth().overview(FROM, T0), overview);
    }

    @Test
    void childEndpointsServeTheirParents() {
        JsonNode campaign = sim.truth().records("sent-campaigns-summary", FROM, T0).get(0);
        String historyId = campaign.path("id").asText();
        JsonNode recipients = client.get("sent-campaigns-detail", "historyID=" + historyId + "&limit=500").result();
        assertEquals(campaign.path("totalRecipients").asInt(), recipients.size());
        List<JsonNode> served = new ArrayList<>();
        recipients.forEach(served::add);
        assertEquals(sim.truth().campaignRecipients(historyId), served);
        assertEquals(6451011, client.get("sent-campaigns-detail", "historyID=cmp-hist-0000000000").code());

        JsonNode recorded = sim.truth().records("call-detail", FROM, T0).stream()
                .filter(c -> c.path("isRecording").asBoolean()).findFirst().orElseThrow();
        JsonNode files = client.get("recording-file", "callID=" + recorded.path("callID").asText()).result();
        assertTrue(files.size() >= 1 && files.size() <= 2);
        assertEquals(recorded.path("callID").asText(), files.get(0).path("callID").asText());
        assertEquals(6451011, client.get("recording-file", "conferenceID=conf-nope").code());

        assertEquals(11, client.get("channel-type-list", "").result().size());
        assertEquals(sim.truth().channelDetails("WHATSAPP").size(),
                client.get("channel-type-detail", "channelType=WHATSAPP").result().size());
    }
}
