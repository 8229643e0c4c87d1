package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls that CINNOX shows only after they end, dated at their start, on a live simulator and a real Connect
 * worker: every call lasts 20 s and shows 2 to 120 s after it ends, the connector reads each window 3 s after
 * its end, so most calls appear after their window was read. The re-scans must still bring every call-detail
 * and call-log row to Kafka, once (issue 9); the test waits until the simulator saw each row's window asked
 * for after the row appeared, so a missing row is a loss, not a pass still to come.
 */
class LateCallsIT {

    private static final String CONNECTOR = "cinnox-late-calls";
    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** Longer than any call's delay between its date and its visibility in the simulator (20 s + up to 120 s). */
    private static final Duration HORIZON = Duration.ofMinutes(3);
    private static final Map<String, String[]> FIELDS = Map.of("call-detail", new String[] {"id", "callDate"},
            "call-log", new String[] {"hid", "callDate"});

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(31).historyDays(1)
                .volume(Volume.none().withCalls(30_000)).data(DataSwitches.NONE.withLongCalls(1.0, CALL))
                .liveClock().port(0).build());
        connect = ConnectClusters.start("cinnox-late-calls", 1, Map.of());
    }

    @AfterAll
    static void stopClusters() {
        if (connect != null) {
            connect.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void callsThatAppearAfterTheirWindowWasReadAllReachKafkaOnce() throws Exception {
        Instant deployed = Instant.now();
        Instant historyStart = deployed.minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
        Instant cutoff = deployed.plus(Duration.ofSeconds(15));
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), historyStart)
                .with("reports", "call-detail,call-log")
                .with("window.settle.ms", Long.toString(SETTLE.toMillis()))
                .with("poll.interval.ms", "2000")
                .with("late.recent.ms", "60000").with("late.recent.interval.ms", "3000")
                .with("late.horizon.ms", Long.toString(HORIZON.toMillis())).with("late.horizon.interval.ms", "10000")
                .with("lookback.ms", Long.toString(HORIZON.toMillis())).with("lookback.sweep.interval.ms", "10000")
                .with("heartbeat.interval.ms", "5000").toMap();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

        // Every call dated before the cutoff has ended once the cutoff plus a call is past; the rows visible then
        // are the expected ones.
        Instant truthAt = cutoff.plus(CALL).plusSeconds(1);
        while (Instant.now().isBefore(truthAt)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), truthAt).toMillis()));
        }
        LateRowsTruth truth = new LateRowsTruth(sim, FIELDS, historyStart, cutoff);
        assertTrue(truth.longestDelayMs() < HORIZON.toMillis(), "every expected row appeared within the horizon");

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), false)) {
            // Each row must have been asked for after it appeared (the next recent or horizon pass); only then is
            // its absence in Kafka a loss rather than a pass still to come.
            topics.awaitUntil("the connector asked for every expected row's window after the row appeared",
                    Duration.ofSeconds(30), t -> truth.reports().stream().allMatch(r -> truth.notAskedSinceVisible(r)
                            .isEmpty()), () -> notAsked(truth).toString());
            topics.awaitUntil("every call-detail and call-log row up to the cutoff is in Kafka", Duration.ofSeconds(15),
                    t -> truth.reports().stream().allMatch(r -> t.keys(r).containsAll(truth.ids(r))),
                    () -> missing(topics, truth).toString());
            topics.pollFor(Duration.ofSeconds(2));
            Map<String, Set<String>> missing = missing(topics, truth);
            int late = 0;
            for (String report : FIELDS.keySet()) {
                Map<String, Integer> repeated = topics.repeatedKeys(report);
                repeated.keySet().retainAll(truth.ids(report));
                Set<String> lateRows = truth.late(report);
                late += lateRows.size();
                System.out.printf("LateCallsIT %s: rows made %d (not there when their window was first read: %d, "
                        + "longest delay %d ms), delivered %d, missing %d, repeated %d%n", report,
                        truth.ids(report).size(), lateRows.size(), truth.longestDelayMs(),
                        truth.ids(report).size() - missing.get(report).size(), missing.get(report).size(),
                        repeated.size());
                assertEquals(Set.of(), missing.get(report), report + " rows missing in Kafka");
                assertEquals(Map.of(), repeated, report + " rows written more than once");
            }
            assertTrue(late > 0, "some rows appeared after their window was first read");
            assertEquals(List.of(), topics.duplicates().stream().limit(5).toList(), "records written twice");
        }
    }

    private static Map<String, Set<String>> notAsked(LateRowsTruth truth) {
        Map<String, Set<String>> left = new LinkedHashMap<>();
        truth.reports().forEach(r -> left.put(r, truth.notAskedSinceVisible(r)));
        return left;
    }

    private static Map<String, Set<String>> missing(TopicContents topics, LateRowsTruth truth) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        truth.reports().forEach(report -> {
            Set<String> left = truth.ids(report);
            left.removeAll(topics.keys(report));
            missing.put(report, left);
        });
        return missing;
    }
}
