package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.Change;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rows that appear just inside {@code late.horizon.ms} after their event time: the re-scans run only every
 * {@code late.horizon.interval.ms}, so the horizon band must reach one interval further back, or a row that
 * appears after the last pass that still covers its date is never read (issue 9: "as long as it appears within
 * a horizon the user sets").
 */
class HorizonEdgeTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(1);
    /** Calls of 50 minutes show 2 s to 2 min after they end: between 50 and 52 minutes after their date. */
    private static final Duration CALL = Duration.ofMinutes(50);

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void callsThatAppearJustInsideTheHorizonReachKafkaOnce() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(1)
                .volume(Volume.none().withCalls(1_000)).data(DataSwitches.NONE.withLongCalls(1.0, CALL))
                .fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, NOW.minus(Duration.ofHours(1)), Map.of("reports", "call-detail",
                "window.settle.ms", "120000", "late.recent.ms", "600000", "late.recent.interval.ms", "300000",
                "late.horizon.ms", Long.toString(HORIZON.toMillis()), "late.horizon.interval.ms", "1800000",
                "lookback.ms", Long.toString(HORIZON.toMillis()), "lookback.sweep.interval.ms", "1800000"));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(4)), 400_000);
        TaskHarness.stop(tasks);

        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofHours(2));
        Map<String, Instant> visible = new HashMap<>();
        for (Change c : sim.truth().changes(from, to.plus(Duration.ofHours(1)))) {
            visible.putIfAbsent(c.id(), c.at());
        }
        Set<String> expected = new TreeSet<>();
        for (JsonNode call : sim.truth().records("call-detail", from, to)) {
            Instant date = Instant.parse(call.path("callDate").asText());
            Duration delay = Duration.between(date, visible.get(call.path("id").asText()));
            assertTrue(delay.compareTo(HORIZON) < 0, "every call appears inside the horizon: " + delay);
            expected.add(call.path("id").asText());
        }
        Map<Object, Long> sent = h.recordsOf("cinnox.call-detail").stream()
                .collect(Collectors.groupingBy(SourceRecord::key, Collectors.counting()));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(sent.keySet().stream().map(String::valueOf).collect(Collectors.toSet()));
        System.out.printf("HorizonEdgeTaskTest: calls %d, delivered %d, missing %d%n", expected.size(),
                expected.size() - missing.size(), missing.size());
        assertTrue(expected.size() > 50, "the simulator made calls");
        assertEquals(Set.of(), missing, "calls that appeared inside the horizon but never reached Kafka");
        sent.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), sent, "calls sent more than once");
    }
}
