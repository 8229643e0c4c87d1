package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");

    private CinnoxSimulator sim;
    private SimClient client;
    private HttpServer receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().volume(Volume.perDay(5)).historyDays(0).fixedClock(T0)
                .build());
        client = new SimClient(sim);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/good", exchange -> {
            JsonNode body = SimClient.MAPPER.readTree(exchange.getRequestBody());
            received.add(body);
            reply(exchange, "{\"code\":0,\"result\":{\"challenge\":\"" + body.path("challenge").asText() + "\"}}");
        });
        receiver.createContext("/wrong", exchange -> reply(exchange, "{\"code\":0,\"result\":{\"challenge\":\"nope\"}}"));
        receiver.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sim.close();
    }

    private SimClient.Reply patch(String body) {
        SimAccount a = sim.defaultAccount();
        return client.send("PATCH", "/v1/api/apps/" + a.appId() + "/inquiry-event-sub", null, a.token(), body);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void successfulHandshakeEnablesAndFalseDeletes() {
        SimClient.Reply r = patch("{\"enabled\":true,\"url\":\"" + url("/good") + "\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.code());
        assertTrue(r.result().path("enabled").asBoolean());
        assertEquals(url("/good"), r.result().path("url").asText());
        assertEquals("2026-01-10T00:00:00.000Z", r.result().path("updatedAt").asText());
        assertEquals(1, received.size());
        assertFalse(received.get(0).path("challenge").asText().isEmpty());
        assertEquals(url("/good"), sim.truth().subscription(sim.defaultAccount().appId()).orElseThrow()
                .path("url").asText());

        SimClient.Reply off = patch("{\"enabled\":false}");
        assertFalse(off.result().path("enabled").asBoolean());
        assertTrue(sim.truth().subscription(sim.defaultAccount().appId()).isEmpty());
        assertEquals(2, sim.requests().count("inquiry-event-sub"));
    }

    @Test
    void failedHandshakeReportsDisabled() {
        SimClient.Reply wrong = patch("{\"enabled\":true,\"url\":\"" + url("/wrong") + "\"}");
        assertEquals(0, wrong.code());
        assertFalse(wrong.result().path("enabled").asBoolean());
        SimClient.Reply missing = patch("{\"enabled\":true,\"url\":\"" + url("/absent") + "\"}");
        assertFalse(missing.result().path("enabled").asBoolean());
        assertTrue(sim.truth().subscription(sim.defaultAccount().appId()).isEmpty());
    }

    @Test
    void badBodiesAreBadQueries() {
        for (String body : List.of("", "not json", "[]", "{\"url\":\"http://x\"}", "{\"enabled\":\"yes\"}",
                "{\"enabled\":true}", "{\"enabled\":true,\"url\":\"ftp://x\"}")) {
            SimClient.Reply r = patch(body);
            assertEquals(400, r.status(), body);
            assertEquals(6451000, r.code(), body);
            assertEquals("Bad query", r.message(), body);
        }
    }
}
