package io.kafkaconnect.cinnox.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:30Z");
    private static final int LIMIT = 5;

    private CinnoxSimulator sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(7).historyDays(1).volume(Volume.perDay(10))
                .fixedClock(T0).rateLimitPerMinute(LIMIT).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void limitIsExactAtTheBoundaryAndResetsNextMinute() {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, client.get("channel-type-list", "").status(), "request " + (i + 1));
        }
        SimClient.Reply over = client.get("channel-type-list", "");
        assertEquals(429, over.status());
        assertEquals(6451010, over.code());
        assertEquals("Too many requests", over.message());
        assertFalse(over.headers().firstValue("Retry-After").isPresent());

        sim.clock().advance(Duration.ofSeconds(29));
        assertEquals(6451010, client.get("channel-type-list", "").code(), "still the same minute");
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals(200, client.get("channel-type-list", "").status(), "next minute-aligned window");

        String account = sim.defaultAccount().serviceAccountId();
        assertEquals(LIMIT + 2, sim.requests().perMinute(account).get(Instant.parse("2026-01-10T00:00:00Z")));
        assertEquals(LIMIT + 2, sim.requests().maxPerMinute(account), "rejected requests count too");
        assertEquals(1, sim.requests().perMinute(account).get(Instant.parse("2026-01-10T00:01:00Z")));
    }

    @Test
    void appsOfOneServiceAccountShareTheBudget() {
        SimAccount second = sim.addApp(sim.defaultAccount().serviceAccountId(), "app-2", "token-2");
        SimAccount other = sim.addApp("other.cinnox.com", "app-other", "token-other");
        for (int i = 0; i < LIMIT; i++) {
            SimAccount app = i % 2 == 0 ? sim.defaultAccount() : second;
            assertEquals(200, client.get(app, "channel-type-list", "").status());
        }
        assertEquals(6451010, client.get(second, "channel-type-list", "").code());
        assertEquals(6451010, client.get(sim.defaultAccount(), "channel-type-list", "").code());
        assertEquals(200, client.get(other, "channel-type-list", "").status(), "another account has its own budget");
    }

    @Test
    void rejectedAuthAndValidationRequestsCountAndStatusIsSwitchable() {
        sim.behaviour().rateLimitStatus(400).retryAfterHeader(true);
        SimAccount d = sim.defaultAccount();
        client.send("GET", "/v1/api/apps/" + d.appId() + "/data/channel-type-list", "", "wrong-token", null);
        client.get("enquiry-detail", "");
        for (int i = 0; i < LIMIT - 2; i++) {
            client.get("channel-type-list", "");
        }
        SimClient.Reply over = client.get("channel-type-list", "");
        assertEquals(400, over.status());
        assertEquals(6451010, over.code());
        assertEquals("30", over.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void rateLimitCanBeChangedAtRuntime() {
        sim.rateLimitPerMinute(1);
        assertEquals(200, client.get("channel-type-list", "").status());
        assertEquals(429, client.get("channel-type-list", "").status());
        sim.resetRateLimit();
        assertTrue(client.get("channel-type-list", "").status() == 200);
    }
}
