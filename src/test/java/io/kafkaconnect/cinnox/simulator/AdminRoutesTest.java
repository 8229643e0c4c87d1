package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRoutesTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final String WINDOW = "startAt=2026-01-09T00:00:00Z&endAt=2026-01-10T00:00:00Z&limit=100";

    private CinnoxSimulator sim;
    private SimClient client;

    private void start(boolean admin, FaultRates faults) {
        start(admin, faults, 100_000);
    }

    private void start(boolean admin, FaultRates faults, int rateLimit) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(9).historyDays(1).volume(Volume.perDay(50))
                .fixedClock(T0).rateLimitPerMinute(rateLimit).admin(admin).faults(faults).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimClient.Reply admin(String method, String route, String query) {
        return client.send(method, "/_sim/" + route, query, null, method.equals("POST") ? "" : null);
    }

    @Test
    void adminRoutesAreAbsentWithoutTheSwitch() {
        start(false, FaultRates.NONE);
        assertTrue(sim.adminUrl().isEmpty());
        SimClient.Reply r = admin("POST", "faults", "error-rate=1");
        assertEquals(404, r.status());
        assertEquals(6450001, r.code(), "the API's own method-not-found answer");
        assertEquals(FaultRates.NONE, sim.faults().rates());
    }

    @Test
    void faultsAreSetAndClearedAtRuntime() {
        start(true, FaultRates.NONE);
        SimClient.Reply r = admin("POST", "faults", "error-rate=1");
        assertEquals(200, r.status());
        assertEquals(1.0, r.json().path("errorRate").asDouble());
        int html = 0;
        int service = 0;
        for (int i = 0; i < 40; i++) {
            SimClient.Reply api = client.get("channel-type-list", "");
            html += api.status() == 500 && api.body().startsWith("<html>") ? 1 : 0;
            service += api.status() == 502 && api.code() == 6451001 ? 1 : 0;
        }
        assertEquals(40, html + service, "every request fails");
        assertTrue(html > 5 && service > 5, "a mix of both kinds: " + html + " HTML, " + service + " 6451001");
        admin("POST", "faults", "error-rate=0&malformed-rate=1");
        for (int i = 0; i < 10; i++) {
            SimClient.Reply api = client.get("sms-detail", WINDOW);
            assertEquals(200, api.status());
            assertFalse(parses(api.body()), "malformed or truncated: " + api.body());
        }
        SimClient.Reply cleared = admin("POST", "faults", "malformed-rate=0&latency-ms=0");
        assertEquals(0.0, cleared.json().path("malformedRate").asDouble());
        assertEquals(200, client.get("channel-type-list", "").status());
    }

    @Test
    void resetRateDropsConnectionsAndLatencyIsSet() {
        start(true, FaultRates.NONE);
        admin("POST", "faults", "reset-rate=1&latency-ms=20");
        assertEquals(20, sim.faults().latency().toMillis());
        int dropped = 0;
        for (int i = 0; i < 3; i++) {
            try {
                client.get("channel-type-list", "");
            } catch (java.io.UncheckedIOException e) {
                dropped++;
            }
        }
        assertEquals(3, dropped);
    }

    @Test
    void badAdminParametersAreRefused() {
        start(true, FaultRates.NONE);
        assertEquals(400, admin("POST", "faults", "error-rate=2").status());
        assertEquals(400, admin("POST", "faults", "error-rate=0.6&reset-rate=0.6").status());
        assertEquals(400, admin("POST", "faults", "bogus=1").status());
        assertEquals(400, admin("POST", "faults", "rate-limit-storm=maybe").status());
        assertEquals(400, admin("POST", "token", "state=gone").status());
        assertEquals(404, admin("GET", "nothing", "").status());
        assertEquals(404, admin("GET", "token", "state=valid").status(), "token changes need POST");
        assertEquals(FaultRates.NONE, sim.faults().rates());
    }

    @Test
    void rateLimitStormOnAndOff() {
        start(true, FaultRates.NONE);
        assertTrue(admin("POST", "faults", "rate-limit-storm=on").json().path("rateLimitStorm").asBoolean());
        SimClient.Reply r = client.get("channel-type-list", "");
        assertEquals(429, r.status());
        assertEquals(6451010, r.code());
        sim.clock().advance(Duration.ofDays(1));
        assertEquals(6451010, client.get("channel-type-list", "").code(), "a storm lasts until switched off");
        admin("POST", "faults", "rate-limit-storm=off");
        assertEquals(200, client.get("channel-type-list", "").status());
    }

    @Test
    void tokenRevokedAndRestoredNow() {
        start(true, FaultRates.NONE);
        assertEquals(200, admin("POST", "token", "state=revoked").status());
        SimClient.Reply r = client.get("channel-type-list", "");
        assertEquals(401, r.status());
        assertEquals(6452000, r.code());
        admin("POST", "token", "state=valid");
        assertEquals(200, client.get("channel-type-list", "").status());
        assertEquals(404, admin("POST", "token", "state=revoked&appId=nobody").status());
    }

    @Test
    void requestCountsPerAccountMinuteRouteAndRateLimitedAnswers() {
        start(true, FaultRates.NONE, 10);
        for (int i = 0; i < 12; i++) {
            client.get("sms-detail", WINDOW);
        }
        sim.clock().advance(Duration.ofMinutes(1));
        client.get("channel-type-list", "");
        JsonNode counts = admin("GET", "requests", "").json();
        assertEquals(13, counts.path("total").asInt());
        assertEquals(2, counts.path("rateLimitedAnswers").asInt(), "12 requests against a budget of 10");
        assertEquals(12, counts.path("perRoute").path("sms-detail").asInt());
        assertEquals(1, counts.path("perRoute").path("channel-type-list").asInt());
        JsonNode minutes = counts.path("perAccountMinute").path("acme-hk.cinnox.com");
        assertEquals(12, minutes.path("2026-01-10T00:00:00.000Z").asInt());
        assertEquals(1, minutes.path("2026-01-10T00:01:00.000Z").asInt());
        assertEquals(12, counts.path("maxPerMinute").path("acme-hk.cinnox.com").asInt());
        JsonNode tens = counts.path("perTenSeconds");
        assertEquals(2, tens.size(), tens.toString());
        assertEquals(12, tens.path("2026-01-10T00:00:00.000Z").asInt());
        assertEquals(1, tens.path("2026-01-10T00:01:00.000Z").asInt());
        JsonNode recent = admin("GET", "requests/recent", "").json().path("requests");
        assertEquals(13, recent.size());
        assertEquals("2026-01-10T00:01:00.000Z GET /v1/api/apps/app-acme/data/channel-type-list",
                recent.get(12).asText());
        admin("POST", "requests/reset", "");
        assertEquals(0, admin("GET", "requests", "").json().path("total").asInt());
    }

    @Test
    void pagingSwitchesAtRuntime() {
        start(true, FaultRates.NONE);
        SimClient.Reply r = admin("POST", "behaviour", "limit-cap=5&items-envelope=sms-detail:on&chat-refused-first=1"
                + "&chat-page-limit=40&late-insert=call-log:1&shuffle-ties=on");
        assertEquals(200, r.status(), r.body());
        assertEquals("5", r.json().path("limit-cap").asText());
        SimClient.Reply page = client.get("sms-detail", WINDOW);
        assertEquals(5, page.result().path("items").size(), page.body());
        Traps b = sim.traps();
        assertEquals(1, b.chatRefusedFirst());
        assertEquals(40, b.chatPageLimit());
        assertEquals(1, b.lateInsert("call-log"));
        assertTrue(b.shuffleTies());
        assertEquals(400, admin("POST", "behaviour", "limit-cap=7&late-insert=nowhere:1").status());
        assertEquals(5, b.limitCap(), "a refused request changes nothing");
        admin("POST", "behaviour/reset", "");
        assertEquals(0, b.limitCap());
        assertTrue(client.get("sms-detail", WINDOW).result().isArray());
    }

    @Test
    void startUpFaultsFromSettings() {
        start(true, new FaultRates(0, 0, 0, 1));
        assertEquals(new FaultRates(0, 0, 0, 1), sim.faults().rates());
        assertEquals(1.0, admin("GET", "faults", "").json().path("resetRate").asDouble());
    }

    private static boolean parses(String body) {
        try {
            SimClient.MAPPER.readTree(body);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
