package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhooksTest {

    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

    private CinnoxSimulator sim;
    private SimClient client;
    private HttpServer receiver;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().volume(Volume.perDay(200)).historyDays(2)
                .fixedClock(T0).build());
        client = new SimClient(sim);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            JsonNode body = SimClient.MAPPER.readTree(exchange.getRequestBody());
            if (body.has("challenge")) {
                reply(exchange, 200, "{\"code\":0,\"result\":{\"challenge\":\"" + body.path("challenge").asText() + "\"}}");
            } else if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 503, "{\"code\":503,\"message\":\"full\"}");
            } else {
                events.add(body);
                reply(exchange, 200, "{\"code\":0,\"result\":{}}");
            }
        });
        receiver.start();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sim.close();
    }

    private void patch(boolean enabled) {
        SimAccount a = sim.defaultAccount();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        SimClient.Reply r = client.send("PATCH", "/v1/api/apps/" + a.appId() + "/inquiry-event-sub", null, a.token(),
                "{\"enabled\":" + enabled + ",\"url\":\"" + url + "\"}");
        assertEquals(enabled, r.result().path("enabled").asBoolean(), r.body());
    }

    @Test
    void nothingIsSentWithoutSubscription() {
        sim.clock().advance(Duration.ofHours(2));
        assertEquals(0, sim.webhooks().deliverDue());
        assertTrue(sim.webhooks().deliveries().isEmpty());
    }

    @Test
    void eventsFollowEachEnquiryTimelineAndMatchThePolledStatus() {
        patch(true);
        sim.clock().advance(Duration.ofHours(6));
        int due = sim.webhooks().deliverDue();
        assertTrue(due > 20, "events due: " + due);
        assertEquals(due, events.size());
        assertTrue(sim.webhooks().deliveries().stream().allMatch(Webhooks.Delivery::ok));

        Map<String, List<String>> byEnquiry = new LinkedHashMap<>();
        for (JsonNode e : events) {
            assertEquals("inquiry", e.path("type").asText());
            assertFalse(e.path("displayCaseNumber").asText().isEmpty());
            byEnquiry.computeIfAbsent(e.path("eid").asText(), k -> new ArrayList<>()).add(e.path("status").asText());
        }
        List<JsonNode> polled = sim.truth().records("enquiry-detail", T0, sim.clock().now());
        assertFalse(polled.isEmpty());
        for (JsonNode row : polled) {
            List<String> statuses = byEnquiry.get(row.path("id").asText());
            assertEquals("Opened", statuses.get(0), row.toString());
            String last = statuses.get(statuses.size() - 1);
            assertEquals(Webhooks.webhookStatus(row.path("status").asText()), last, row + " after " + statuses);
        }
        Instant previous = Instant.MIN;
        for (JsonNode e : events) {
            Instant at = Instant.parse(e.path("date").asText());
            assertFalse(at.isBefore(previous), "events in time order");
            previous = at;
        }
    }

    @Test
    void eachEventIsSentOnceAndRemovalStopsDelivery() {
        patch(true);
        sim.clock().advance(Duration.ofHours(1));
        int first = sim.webhooks().deliverDue();
        assertEquals(0, sim.webhooks().deliverDue(), "nothing new without time passing");
        patch(false);
        sim.clock().advance(Duration.ofHours(1));
        assertEquals(0, sim.webhooks().deliverDue());
        assertEquals(first, events.size());
    }

    @Test
    void refusedEventsAreRecordedAndRetriedOnlyInRetryMode() {
        patch(true);
        sim.clock().advance(Duration.ofHours(3));
        refuse.set(1);
        sim.webhooks().deliverDue();
        List<Webhooks.Delivery> once = sim.webhooks().deliveries();
        assertEquals(503, once.get(0).httpStatus());
        assertEquals(once.size() - 1, events.size(), "the refused event is lost without retries");

        sim.webhooks().attempts(3);
        refuse.set(1);
        sim.clock().advance(Duration.ofHours(3));
        int due = sim.webhooks().deliverDue();
        List<Webhooks.Delivery> all = sim.webhooks().deliveries();
        Webhooks.Delivery retried = all.get(once.size() + 1);
        assertEquals(2, retried.attempt());
        assertTrue(retried.ok());
        assertEquals(once.size() - 1 + due, events.size());
    }

    @Test
    void anEnquiryClosedFourDaysAfterCreationIsPostedWhenTheClockPassesIt() {
        sim.close();
        sim = CinnoxSimulator.start(SimulatorSettings.builder().volume(Volume.perDay(20)).historyDays(1).fixedClock(T0)
                .data(DataSwitches.NONE.withLateClose(0.5, Duration.ofDays(4))).build());
        client = new SimClient(sim);
        patch(true);
        sim.clock().advance(Duration.ofHours(4));
        sim.webhooks().deliverDue();
        Instant createdBy = sim.clock().now();
        sim.clock().set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(23)));
        JsonNode open = sim.truth().records("enquiry-detail", T0, createdBy).stream()
                .filter(e -> e.path("status").asText().equals("ongoing")).findFirst().orElseThrow();
        Instant closeAt = Instant.parse(open.path("createdAt").asText()).plus(Duration.ofDays(4));
        sim.clock().set(closeAt.minusSeconds(1));
        sim.webhooks().deliverDue();
        assertTrue(events.stream().noneMatch(e -> isClosed(e, open)), "not closed yet");
        sim.clock().set(closeAt);
        sim.webhooks().deliverDue();
        JsonNode closed = events.stream().filter(e -> isClosed(e, open)).findFirst().orElseThrow();
        assertEquals(closeAt, Instant.parse(closed.path("date").asText()));
        assertEquals(open.path("displayCaseNumber").asText(), closed.path("displayCaseNumber").asText());
    }

    private static boolean isClosed(JsonNode event, JsonNode enquiry) {
        return event.path("eid").asText().equals(enquiry.path("id").asText())
                && event.path("status").asText().equals("Closed");
    }
}
