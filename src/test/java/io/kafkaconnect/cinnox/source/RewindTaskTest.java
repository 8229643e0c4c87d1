package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A unit rewound by hand (its offset and the ledgers of the hours after the rewind point reset) sends those hours again. */
class RewindTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T18:00:00Z");
    private static final Instant CHUNK = Instant.parse("2026-01-08T00:00:00Z");
    private static final Instant NOON = CHUNK.plus(Duration.ofHours(12));

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aRewoundUnitWithResetLedgersSendsItsAfternoonAgain() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, CHUNK, Map.of("reports", "sms-detail", "lookback.ms", "0",
                "window.settle.ms", "30000"));
        List<CinnoxSourceTask> first = h.startTasks(1);
        h.run(first, NOW.plus(Duration.ofMinutes(30)), 100_000);
        TaskHarness.stop(first);
        Set<String> afternoon = sim.truth().records("sms-detail", NOON, CHUNK.plus(Duration.ofDays(1))).stream()
                .map(n -> n.path("id").asText()).collect(Collectors.toSet());
        int before = h.recordsOf("cinnox.sms-detail").size();

        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("app", sim.defaultAccount().appId());
        partition.put("report", "sms-detail");
        partition.put("chunk", CHUNK.toString());
        h.offsets.put(partition, Map.of("v", 1, "windowStart", NOON.toEpochMilli(), "windowEnd", NOON.toEpochMilli()));
        for (Instant hour = NOON; hour.isBefore(CHUNK.plus(Duration.ofDays(1))); hour = hour.plus(Duration.ofHours(1))) {
            h.offsets.put(new io.kafkaconnect.cinnox.ledger.Bucket(hour, Duration.ofHours(1)).partition(partition), null);
        }
        List<CinnoxSourceTask> second = h.startTasks(1);
        h.run(second, NOW.plus(Duration.ofHours(1)), 100_000);
        TaskHarness.stop(second);

        List<String> again = h.recordsOf("cinnox.sms-detail").subList(before, h.recordsOf("cinnox.sms-detail").size())
                .stream().map(r -> (String) r.key()).toList();
        Set<String> morning = sim.truth().records("sms-detail", CHUNK, NOON).stream()
                .map(n -> n.path("id").asText()).collect(Collectors.toSet());
        assertTrue(!afternoon.isEmpty() && !morning.isEmpty());
        assertTrue(Set.copyOf(again).containsAll(afternoon), "the afternoon is sent again");
        assertTrue(again.stream().noneMatch(morning::contains), "the morning is not sent again");
        assertEquals(again.size(), Set.copyOf(again).size(), "once each");
    }
}
