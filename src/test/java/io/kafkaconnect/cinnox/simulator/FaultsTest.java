package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final String WINDOW = "startAt=2026-01-09T00:00:00Z&endAt=2026-01-10T00:00:00Z&limit=100";

    private CinnoxSimulator sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(9).historyDays(1).volume(Volume.perDay(100))
                .fixedClock(T0).rateLimitPerMinute(100_000).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void serviceErrorForTheNextRequestsOnly() {
        sim.faults().next(Fault.SERVICE_ERROR, 2);
        for (int i = 0; i < 2; i++) {
            SimClient.Reply r = client.get("sms-detail", WINDOW);
            assertEquals(502, r.status());
            assertEquals(6451001, r.code());
            assertEquals("Bad response from the service", r.message());
        }
        assertEquals(200, client.get("sms-detail", WINDOW).status());
    }

    @Test
    void http500WithHtmlBody() {
        sim.faults().next(Fault.HTTP_500);
        SimClient.Reply r = client.get("sms-detail", WINDOW);
        assertEquals(500, r.status());
        assertTrue(r.body().startsWith("<html>"));
        assertThrows(RuntimeException.class, r::json);
    }

    @Test
    void malformedBodyIsNotJson() {
        sim.faults().next(Fault.MALFORMED_BODY);
        SimClient.Reply r = client.get("sms-detail", WINDOW);
        assertEquals(200, r.status());
        assertThrows(JsonProcessingException.class, () -> SimClient.MAPPER.readTree(r.body()));
    }

    @Test
    void truncatedBodyStopsInsideTheArray() {
        String full = client.get("sms-detail", WINDOW).body();
        sim.faults().next(Fault.TRUNCATED_BODY);
        SimClient.Reply r = client.get("sms-detail", WINDOW);
        assertEquals(200, r.status());
        assertTrue(full.startsWith(r.body()) && r.body().length() < full.length(), "a prefix of the real page");
        assertTrue(r.body().startsWith("{\"code\":0,\"result\":[{"));
        assertThrows(JsonProcessingException.class, () -> SimClient.MAPPER.readTree(r.body()));
    }

    @Test
    void connectionDropSendsNoBytesAtAll() throws Exception {
        sim.faults().next(Fault.CONNECTION_DROP);
        SimAccount a = sim.defaultAccount();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/api/apps/" + a.appId() + "/data/sms-detail?" + WINDOW + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + a.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "closed without a status line");
        }
        assertEquals(200, client.get("sms-detail", WINDOW).status());
    }

    @Test
    void rateLimitedFaultAndStorm() {
        sim.faults().next(Fault.RATE_LIMITED);
        assertEquals(6451010, client.get("sms-detail", WINDOW).code());
        assertEquals(200, client.get("sms-detail", WINDOW).status());
        sim.faults().rateLimitStorm(Duration.ofSeconds(30));
        assertEquals(429, client.get("sms-detail", WINDOW).status());
        sim.clock().advance(Duration.ofSeconds(29));
        assertEquals(6451010, client.get("channel-type-list", "").code());
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals(200, client.get("channel-type-list", "").status());
    }

    @Test
    void tokenRevokedAtAnInstant() {
        sim.faults().revokeTokenAt(sim.defaultAccount().token(), T0.plusSeconds(10));
        assertEquals(200, client.get("channel-type-list", "").status());
        sim.clock().advance(Duration.ofSeconds(10));
        SimClient.Reply r = client.get("channel-type-list", "");
        assertEquals(401, r.status());
        assertEquals(6452000, r.code());
        sim.faults().reset();
        assertEquals(200, client.get("channel-type-list", "").status());
    }

    @Test
    void randomRateIsSeededAndLatencyDelays() throws Exception {
        sim.faults().rate(Fault.SERVICE_ERROR, 0.5);
        int errors = 0;
        for (int i = 0; i < 40; i++) {
            errors += client.get("channel-type-list", "").status() == 502 ? 1 : 0;
        }
        assertTrue(errors > 5 && errors < 35, "about half: " + errors);
        sim.faults().reset();
        sim.faults().latency(Duration.ofMillis(150));
        long started = System.nanoTime();
        HttpResponse<String> r = client.raw("channel-type-list", "");
        assertEquals(200, r.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 150);
    }

    @Test
    void requestLogTellsHowManyRequestsOverlapped() throws Exception {
        client.get("sms-detail", WINDOW);
        client.get("sms-detail", WINDOW);
        assertEquals(1, sim.requests().maxInFlight(), "one after the other");

        sim.faults().latency(Duration.ofSeconds(3));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> client.get("sms-detail", WINDOW));
            for (int i = 0; i < 500 && sim.requests().total() < 3; i++) {
                Thread.sleep(5);
            }
            var second = pool.submit(() -> client.get("sms-detail", WINDOW));
            assertEquals(200, first.get(20, java.util.concurrent.TimeUnit.SECONDS).status());
            assertEquals(200, second.get(20, java.util.concurrent.TimeUnit.SECONDS).status());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, sim.requests().maxInFlight(), "the second arrived while the first was being answered");
        sim.requests().reset();
        assertEquals(0, sim.requests().maxInFlight());
    }

    @Test
    void requestLogSeesEverything() {
        client.get("sms-detail", WINDOW);
        client.get("sms-detail", "bogus=1");
        client.send("GET", "/nowhere", "", "x", null);
        RequestLog log = sim.requests();
        assertEquals(3, log.total());
        assertEquals(2, log.count("sms-detail"));
        RecordedRequest last = log.last();
        assertEquals("/nowhere", last.path());
        assertEquals("Bearer x", last.headers().get("authorization"));
        assertEquals("1", log.all().get(1).query().get("bogus"));
        assertEquals(T0, last.at());
        log.reset();
        assertEquals(0, log.total());
    }
}
