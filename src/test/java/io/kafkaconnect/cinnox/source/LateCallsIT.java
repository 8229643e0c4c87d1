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
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls that CINNOX shows only when they end, dated at their start, on a live simulator and a real Connect
 * worker: every call lasts 20 s, the connector reads each window 3 s after its end, so the calls that start
 * while it runs appear after their window was read. The re-scans must still bring every call-detail and
 * call-log row to Kafka, once (issue 9).
 */
class LateCallsIT {

    private static final String CONNECTOR = "cinnox-late-calls";
    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Map<String, String> ID_FIELDS = Map.of("call-detail", "id", "call-log", "hid");

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
                .with("late.horizon.ms", "120000").with("late.horizon.interval.ms", "10000")
                .with("lookback.ms", "120000").with("lookback.sweep.interval.ms", "10000")
                .with("heartbeat.interval.ms", "5000").toMap();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

        // Every call dated before the cutoff has ended (and so is visible) once the cutoff plus a call is past.
        Instant allVisible = cutoff.plus(CALL).plusSeconds(1);
        while (Instant.now().isBefore(allVisible)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), allVisible).toMillis()));
        }
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        ID_FIELDS.forEach((report, field) -> truth.put(report, ids(report, field, historyStart, cutoff)));
        int late = lateCalls(deployed, cutoff);
        assertTrue(late > 0, "calls started while the connector ran and appeared after their window was read");

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), false)) {
            topics.awaitUntil("every call-detail and call-log row up to the cutoff is in Kafka", Duration.ofSeconds(40),
                    t -> truth.entrySet().stream().allMatch(e -> t.keys(e.getKey()).containsAll(e.getValue())),
                    () -> missing(topics, truth).toString());
            topics.pollFor(Duration.ofSeconds(4));
            Map<String, Set<String>> missing = missing(topics, truth);
            for (String report : ID_FIELDS.keySet()) {
                Map<String, Integer> repeated = topics.repeatedKeys(report);
                repeated.keySet().retainAll(truth.get(report));
                System.out.printf("LateCallsIT %s: rows made %d (calls appearing after their window was read: %d), "
                        + "delivered %d, missing %d, repeated %d%n", report, truth.get(report).size(), late,
                        truth.get(report).size() - missing.get(report).size(), missing.get(report).size(),
                        repeated.size());
                assertEquals(Set.of(), missing.get(report), report + " rows missing in Kafka");
                assertEquals(Map.of(), repeated, report + " rows written more than once");
            }
            assertEquals(List.of(), topics.duplicates().stream().limit(5).toList(), "records written twice");
        }
    }

    private static Set<String> ids(String report, String field, Instant from, Instant to) {
        return sim.truth().records(report, from, to).stream().map(n -> n.path(field).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Calls dated in [from, to) that became visible more than the settle delay after their 2-second window. */
    private static int lateCalls(Instant from, Instant to) {
        Set<String> late = new TreeSet<>();
        for (Instant w = from.truncatedTo(ChronoUnit.SECONDS); w.isBefore(to); w = w.plusSeconds(2)) {
            sim.truth().lateRows("call-detail", w, w.plusSeconds(2), SETTLE).forEach(n -> late.add(n.path("id").asText()));
        }
        return late.size();
    }

    private static Map<String, Set<String>> missing(TopicContents topics, Map<String, Set<String>> truth) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        truth.forEach((report, ids) -> {
            Set<String> left = new TreeSet<>(ids);
            left.removeAll(topics.keys(report));
            missing.put(report, left);
        });
        return missing;
    }
}
