package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real tasks against the simulator on simulated time: completeness, no duplicates, restarts. */
class CinnoxSourceTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness(Map<String, String> overrides) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        return new TaskHarness(sim, HISTORY, overrides);
    }

    @Test
    void backfillsEveryWindowedReportCompletelyWithoutDuplicates() throws Exception {
        TaskHarness h = harness(Map.of());
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(tasks);

        Instant cutoff = NOW.plus(Duration.ofHours(2));
        assertComplete(h, "enquiry-detail", "id", cutoff);
        assertComplete(h, "call-detail", "id", cutoff);
        assertComplete(h, "call-log", "hid", cutoff);
        assertComplete(h, "conference-detail", "conferenceID", cutoff);
        assertComplete(h, "sms-detail", "id", cutoff);
        assertComplete(h, "sent-campaigns-summary", "id", cutoff);
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    private void assertComplete(TaskHarness h, String report, String idField, Instant cutoff) {
        Set<String> expected = sim.truth().records(report, HISTORY, cutoff).stream()
                .map(n -> n.path(idField).asText()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> emitted = h.recordsOf("cinnox." + report).stream().map(r -> (String) r.key())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(emitted);
        assertTrue(expected.size() > 0, report + ": the simulator holds records");
        assertTrue(missing.isEmpty(), report + ": " + missing.size() + " of " + expected.size() + " missing: " + missing);
    }

    static long duplicates(List<SourceRecord> records) {
        Set<String> seen = new HashSet<>();
        long dups = 0;
        for (SourceRecord r : records) {
            if (r.value() instanceof Struct s && !r.topic().endsWith("heartbeat")) {
                if (!seen.add(r.topic() + "|" + r.key() + "|" + s)) {
                    dups++;
                }
            }
        }
        return dups;
    }

    static Map<String, Long> countsByTopic(List<SourceRecord> records) {
        Map<String, Long> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
        return counts;
    }

    static JsonNode first(List<JsonNode> nodes) {
        return nodes.get(0);
    }
}
