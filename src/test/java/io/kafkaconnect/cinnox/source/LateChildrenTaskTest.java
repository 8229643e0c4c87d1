package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.metrics.CinnoxMetric;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Child data CINNOX gives late, on simulated time against the simulator: late recordings, 6451013 chats. */
class LateChildrenTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(1));

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness(DataSwitches data, Map<String, String> overrides) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(23).historyDays(2).volume(Volume.perDay(160))
                .fixedClock(NOW).port(0).data(data).build());
        return new TaskHarness(sim, HISTORY, overrides);
    }

    @Test
    void aRecordingThatAppearsTenMinutesAfterItsCallReachesKafkaOnceAcrossARestart() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE.withRecordingDelay(Duration.ofMinutes(10)),
                Map.of("reports", "call-detail,recording-file", "window.settle.ms", "120000"));
        LogCapture capture = LogCapture.of("io.kafkaconnect.cinnox");
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        Instant until = NOW;
        while (!recordingsWaiting(h) && until.isBefore(NOW.plus(Duration.ofHours(2)))) {
            until = until.plus(Duration.ofMinutes(1));
            h.run(tasks, until, 100_000);
        }
        long late = tasks.get(0).stats().lateRecordings();
        long retries = tasks.get(0).stats().lateChildRetries();
        TaskHarness.stop(tasks);
        assertTrue(recordingsWaiting(h), "recordings were waiting in a stored bucket offset at the restart");
        tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        late += tasks.get(0).stats().lateRecordings();
        retries += tasks.get(0).stats().lateChildRetries();
        assertEquals(0, tasks.get(0).stats().recordingsGivenUp());
        TaskHarness.stop(tasks);
        List<String> info = capture.atInfoOrAbove().stream().map(LogCapture.Event::text).toList();
        capture.close();

        Map<String, Integer> emitted = countByKey(h.recordsOf("cinnox.recording-file"));
        Set<String> calls = countByKey(h.recordsOf("cinnox.call-detail")).keySet();
        int recorded = 0;
        int liveRecorded = 0;
        for (JsonNode call : sim.truth().records("call-detail", HISTORY, NOW.plus(Duration.ofHours(2)))) {
            if (call.path("isRecording").asBoolean() && calls.contains(call.path("id").asText())) {
                for (JsonNode file : sim.truth().recordings(call.path("callID").asText())) {
                    recorded++;
                    Instant at = ApiTimestamps.parse(call.path("callDate").asText()).orElseThrow();
                    if (at.isAfter(NOW)) {
                        liveRecorded++;
                        String id = call.path("callID").asText();
                        assertTrue(info.stream().anyMatch(l -> l.contains("no recording of call " + id + " yet")),
                                "an INFO line names call " + id + " when its recording is not there yet");
                        assertTrue(info.stream().anyMatch(l -> l.contains("of call " + id + " appeared when asked")),
                                "an INFO line names call " + id + " when its recording appears");
                    }
                    assertEquals(1, emitted.getOrDefault(file.path("id").asText(), 0), "recording " + file);
                }
            }
        }
        System.out.printf("late recordings: %d recordings of recorded calls delivered once (%d of calls dated "
                + "after the start), %d appeared when asked again, %d requests asking again%n", recorded, liveRecorded, late,
                retries);
        assertTrue(recorded > 5, "recorded calls: " + recorded);
        String token = sim.defaultAccount().token();
        assertTrue(info.stream().noneMatch(l -> l.contains(token)), "the App Token is never logged");
        assertTrue(late > 0, "recordings of the live calls came late and were asked again: " + late);
        assertTrue(liveRecorded > 0 && late >= liveRecorded, "every recording of a call dated after the start was "
                + "read before it was ready and appeared when asked again: " + liveRecorded + " / " + late);
    }

    private static boolean recordingsWaiting(TaskHarness h) {
        return h.emitted.stream().map(SourceRecord::sourcePartition).distinct()
                .anyMatch(p -> h.offsets.offset(p) != null && h.offsets.offset(p).containsKey("late"));
    }

    @Test
    void aChatRefusedWith6451013AndThenServedIsDeliveredWhole() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE, Map.of("reports", "enquiry-detail,enquiry-chat"));
        sim.traps().chatRefusedFirst(1);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        assertEquals(0, tasks.get(0).stats().chatsGivenUp());
        long retries = tasks.get(0).stats().lateChildRetries();
        TaskHarness.stop(tasks);

        List<String> closed = closedEnquiries(h);
        Set<String> expected = new TreeSet<>();
        for (String inquiry : closed) {
            sim.truth().chat(inquiry).forEach(message -> expected.add(message.path("hid").asText()));
        }
        Map<String, Integer> emitted = countByKey(h.recordsOf("cinnox.enquiry-chat"));
        System.out.printf("6451013 then success: %d closed enquiries, %d refusals, %d requests asking again, %d of %d "
                + "messages delivered%n", closed.size(), sim.requests().answers(6451013), retries, emitted.size(),
                expected.size());
        assertTrue(expected.size() > 50, "chat messages: " + expected.size());
        assertEquals(expected, new TreeSet<>(emitted.keySet()));
        assertTrue(emitted.values().stream().allMatch(n -> n == 1), "each message once");
        assertTrue(sim.requests().answers(6451013) > 5, "chats were refused first");
    }

    @Test
    void aChatCinnoxRefusesAtFullPagesIsReadWithSmallerOnes() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE, Map.of("reports", "enquiry-detail,enquiry-chat", "page.size", "40"));
        sim.traps().chatPageLimit(12);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        assertEquals(0, tasks.get(0).stats().chatsGivenUp());
        TaskHarness.stop(tasks);

        Set<String> expected = new TreeSet<>();
        closedEnquiries(h).forEach(i -> sim.truth().chat(i).forEach(m -> expected.add(m.path("hid").asText())));
        Map<String, Integer> emitted = countByKey(h.recordsOf("cinnox.enquiry-chat"));
        assertTrue(expected.size() > 50, "chat messages: " + expected.size());
        assertEquals(expected, new TreeSet<>(emitted.keySet()));
        assertTrue(emitted.values().stream().allMatch(n -> n == 1), "each message once");
        assertTrue(sim.requests().answers(6451013) > 5, "pages of 40 and 20 were refused");
    }

    @Test
    void aChatCinnoxAlwaysRefusesIsGivenUpWithTheMetricAndAWarning() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE, Map.of("reports", "enquiry-detail,enquiry-chat")).withMetrics();
        sim.traps().chatRefusedFirst(1_000);
        List<String> warnings = new ArrayList<>();
        try (LogCapture capture = LogCapture.of("io.kafkaconnect.cinnox")) {
            List<CinnoxSourceTask> tasks = h.startTasks(1);
            h.run(tasks, NOW.plus(Duration.ofHours(2)), 200_000);
            capture.atInfoOrAbove().stream().filter(e -> e.text().contains("giving up the chat of enquiry"))
                    .forEach(e -> warnings.add(e.level() + " " + e.text()));
            Object givenUp = h.metric(0, CinnoxMetric.CHATS_GIVEN_UP, null);
            TaskHarness.stop(tasks);

            List<String> closed = closedEnquiries(h);
            assertTrue(closed.size() > 10, "closed enquiries: " + closed.size());
            assertEquals((double) closed.size(), ((Number) givenUp).doubleValue());
            assertEquals(closed.size(), warnings.size());
            assertTrue(warnings.stream().allMatch(w -> w.startsWith("WARN")), warnings.get(0));
            assertTrue(warnings.stream().anyMatch(w -> w.contains(closed.get(0))), "a warning names " + closed.get(0));
            assertEquals(List.of(), h.recordsOf("cinnox.enquiry-chat"));
            assertEquals(4L * closed.size(), sim.requests().answers(6451013), "asked once and retried three times");
        }
    }

    private List<String> closedEnquiries(TaskHarness h) {
        return h.recordsOf("cinnox.enquiry-detail").stream().map(r -> (Struct) r.value())
                .filter(v -> "closed".equals(v.getString("status"))).map(v -> v.getString("inquiry")).distinct()
                .toList();
    }

    private static Map<String, Integer> countByKey(List<SourceRecord> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge((String) r.key(), 1, Integer::sum));
        return counts;
    }
}
