package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrapsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant FROM = Instant.parse("2026-01-09T00:00:00Z");

    private CinnoxSimulator sim;
    private SimClient client;

    private void start(DataSwitches data) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(3).historyDays(1).volume(Volume.perDay(200))
                .fixedClock(T0).rateLimitPerMinute(100_000).data(data).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<String> page(String dataType, int offset, int limit) {
        SimClient.Reply r = client.get(dataType, SimClient.query("startAt", FROM, "endAt", T0, "offset", offset,
                "limit", limit));
        return ids(r.result());
    }

    private static List<String> ids(Iterable<JsonNode> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    @Test
    void lateInsertBelowTheOffsetRepeatsOneRowAndHidesAnother() {
        start(DataSwitches.NONE);
        sim.traps().lateInsert("sms-detail", 1);
        List<String> before = ids(sim.truth().records("sms-detail", FROM, T0));
        List<String> first = page("sms-detail", 0, 50);
        assertEquals(before.size() - 1, ids(sim.truth().records("sms-detail", FROM, T0)).size(), "one row held back");
        List<String> second = page("sms-detail", 50, 50);
        assertEquals(before, ids(sim.truth().records("sms-detail", FROM, T0)), "released by the next request");
        assertEquals(1, sim.truth().lateInsertsReleased());
        assertEquals(50, first.size());
        assertEquals(first.get(49), second.get(0), "the last row of the first page comes again");
        Set<String> seen = new HashSet<>(first);
        seen.addAll(second);
        List<String> missed = before.subList(0, 100).stream().filter(id -> !seen.contains(id)).toList();
        assertEquals(List.of(before.get(25)), missed, "the inserted row sits below the offset");
        assertEquals(before.subList(0, 50), page("sms-detail", 0, 50), "a window drifts once; later reads are stable");
        assertEquals(1, sim.truth().lateInsertsReleased());
    }

    @Test
    void tiesTurnOnEveryRequestAndTheTruthKeepsIdOrder() {
        start(DataSwitches.NONE.withTies(3));
        List<JsonNode> truth = sim.truth().records("enquiry-detail", FROM, T0);
        assertEquals(truth.get(0).path("createdAt"), truth.get(2).path("createdAt"), "rows share sort times");
        List<String> stable = page("enquiry-detail", 0, 500);
        assertEquals(stable, page("enquiry-detail", 0, 500), "ordered by id while the switch is off");
        assertEquals(ids(truth), stable);
        sim.traps().shuffleTies(true);
        List<String> a = page("enquiry-detail", 0, 500);
        List<String> b = page("enquiry-detail", 0, 500);
        assertNotEquals(a, b);
        assertEquals(new HashSet<>(a), new HashSet<>(b));
        assertEquals(ids(truth), ids(sim.truth().records("enquiry-detail", FROM, T0)));
        List<String> paged = new ArrayList<>(page("enquiry-detail", 0, 49));
        paged.addAll(page("enquiry-detail", 49, 49));
        assertTrue(new HashSet<>(paged).size() < paged.size(), "a tie across the page boundary repeats a row");
    }

    @Test
    void cappedLimitReturnsFewerRowsThanAskedThoughMoreExist() {
        start(DataSwitches.NONE);
        sim.traps().limitCap(50);
        List<String> all = ids(sim.truth().records("sms-detail", FROM, T0));
        assertTrue(all.size() > 150);
        assertEquals(all.subList(0, 50), page("sms-detail", 0, 100));
        assertEquals(all.subList(100, 150), page("sms-detail", 100, 500));
        assertEquals(6451000, client.get("sms-detail", SimClient.query("startAt", FROM, "endAt", T0, "limit", 501))
                .code(), "limits above the maximum are still refused");
        sim.traps().limitCap(0);
        assertEquals(100, page("sms-detail", 0, 100).size());
    }

    @Test
    void aCapOnOneEndpointLeavesTheOthersWhole() {
        start(DataSwitches.NONE);
        sim.traps().limitCap("sms-detail", 20);
        assertEquals(20, page("sms-detail", 0, 100).size());
        assertEquals(100, page("call-log", 0, 100).size(), "call-log is not capped");
        sim.traps().limitCap(10);
        assertEquals(10, page("sms-detail", 0, 100).size(), "the lower of the two caps");
        assertEquals(10, page("call-log", 0, 100).size());
        sim.traps().limitCap(0);
        sim.traps().limitCap("sms-detail", 0);
        assertEquals(100, page("sms-detail", 0, 100).size());
    }

    @Test
    void unknownSuccessEnvelopeForOneEndpoint() {
        start(DataSwitches.NONE);
        sim.traps().itemsEnvelope("call-log", true);
        SimClient.Reply r = client.get("call-log", SimClient.query("startAt", FROM, "endAt", T0, "limit", 10));
        assertEquals(0, r.code());
        assertTrue(r.result().isObject());
        assertEquals(10, r.result().path("items").size());
        assertTrue(r.body().startsWith("{\"code\":0,\"result\":{\"items\":[{"), r.body());
        assertTrue(client.get("sms-detail", SimClient.query("startAt", FROM, "endAt", T0)).result().isArray(),
                "other endpoints keep the documented envelope");
        sim.traps().reset();
        assertTrue(client.get("call-log", SimClient.query("startAt", FROM, "endAt", T0)).result().isArray());
    }

    @Test
    void chatRefusedWith6451013ForTheFirstRequestsThenServed() {
        start(DataSwitches.NONE);
        sim.traps().chatRefusedFirst(2);
        List<String> closed = sim.truth().records("enquiry-detail", FROM, T0).stream()
                .filter(e -> e.path("status").asText().equals("closed")).map(e -> e.path("inquiry").asText()).toList();
        String enquiry = closed.get(0);
        for (int i = 0; i < 2; i++) {
            SimClient.Reply refused = client.get("enquiry-chat", SimClient.query("enquiryID", enquiry, "limit", 100));
            assertEquals(400, refused.status());
            assertEquals(6451013, refused.code());
        }
        SimClient.Reply served = client.get("enquiry-chat", SimClient.query("enquiryID", enquiry, "limit", 100));
        assertEquals(200, served.status());
        assertEquals(sim.truth().chat(enquiry).size(), served.result().size());
        assertEquals(6451013, client.get("enquiry-chat", SimClient.query("enquiryID", closed.get(1))).code(),
                "counted per enquiry");
    }

    @Test
    void chatRefusedWhenThePageIsLargerThanTheThreshold() {
        start(DataSwitches.NONE);
        sim.traps().chatPageLimit(5);
        String enquiry = sim.truth().records("enquiry-detail", FROM, T0).stream()
                .filter(e -> e.path("status").asText().equals("closed")).map(e -> e.path("inquiry").asText())
                .filter(id -> sim.truth().chat(id).size() > 5).findFirst().orElseThrow();
        assertEquals(6451013, client.get("enquiry-chat", SimClient.query("enquiryID", enquiry, "limit", 6)).code());
        assertEquals(6451013, client.get("enquiry-chat", SimClient.query("enquiryID", enquiry)).code(),
                "the default page of 50 is above the threshold");
        SimClient.Reply r = client.get("enquiry-chat", SimClient.query("enquiryID", enquiry, "offset", 0, "limit", 5));
        assertEquals(5, r.result().size());
        assertEquals(200, client.get("enquiry-chat", SimClient.query("enquiryID", enquiry, "offset", 5, "limit", 5))
                .status());
    }
}
