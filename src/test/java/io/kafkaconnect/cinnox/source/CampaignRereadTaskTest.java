package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A changed campaign's recipients are re-read "updated since" its bucket was last read, while the read before
 * fetched them later than that bucket read (child pages come after their parent page). Here every recipients
 * request reaches CINNOX two simulated minutes after it was asked, so recipients change between a campaign's row
 * and its recipients on most reads: none may be lost, and none sent twice at the same version.
 */
class CampaignRereadTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Duration LAG = Duration.ofMinutes(2);

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void recipientsChangedBetweenACampaignsReadAndItsRecipientsReadAreSentOnceEach() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(29).historyDays(3).volume(Volume.perDay(120))
                .data(DataSwitches.NONE).fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, NOW.minus(Duration.ofDays(2)), Map.of("reports",
                "sent-campaigns-summary,sent-campaigns-detail", "window.settle.ms", "120000"));
        AtomicInteger lagged = new AtomicInteger();
        List<CinnoxSourceTask> tasks = h.startTasks(1, settings -> lagging(new CinnoxClient(settings), lagged));
        h.run(tasks, NOW.plus(Duration.ofHours(4)), 200_000);
        TaskHarness.stop(tasks);

        Set<String> expected = new TreeSet<>();
        for (String campaign : h.keys("sent-campaigns-summary")) {
            sim.truth().campaignRecipients(campaign)
                    .forEach(r -> expected.add(r.path("id").asText() + "/" + r.path("recipient").asText()));
        }
        Map<String, String> sentStatus = new HashMap<>();
        h.recordsOf("cinnox.sent-campaigns-detail")
                .forEach(r -> sentStatus.put((String) r.key(), ((Struct) r.value()).getString("status")));
        Set<String> stale = new TreeSet<>();
        for (String campaign : h.keys("sent-campaigns-summary")) {
            sim.truth().campaignRecipients(campaign).forEach(r -> {
                String key = r.path("id").asText() + "/" + r.path("recipient").asText();
                if (!r.path("status").asText().equals(sentStatus.get(key))) {
                    stale.add(key + " is " + r.path("status").asText() + ", last sent " + sentStatus.get(key));
                }
            });
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(h.keys("sent-campaigns-detail"));
        long repeated = CinnoxSourceTaskTest.duplicates(h.emitted);
        System.out.printf("campaign recipients, each asked %s late: %d requests, %d recipients, %d records, %d missing, "
                + "%d sent twice, %d without their latest status%n", LAG, lagged.get(), expected.size(),
                h.recordsOf("cinnox.sent-campaigns-detail").size(), missing.size(), repeated, stale.size());
        assertTrue(lagged.get() > 10, "recipients were read again: " + lagged.get() + " requests");
        assertTrue(missing.isEmpty(), "recipients lost: " + missing);
        assertEquals(0, repeated, "records emitted twice with the same value");
        assertTrue(stale.isEmpty(), "recipients whose latest status never came: " + stale);
    }

    /** The client, with every recipients request answered {@link #LAG} of simulated time after it was asked. */
    private CinnoxApi lagging(CinnoxApi client, AtomicInteger lagged) {
        return (CinnoxApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CinnoxApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sentCampaignsDetails")) {
                        lagged.incrementAndGet();
                        sim.clock().advance(LAG);
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
