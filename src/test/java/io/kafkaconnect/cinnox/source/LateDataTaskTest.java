package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.report.Report;
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
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rows CINNOX makes visible after their window was read, and rows that move between pages: each reaches Kafka once. */
class LateDataTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness(DataSwitches data, Map<String, String> overrides) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).data(data).fixedClock(NOW).port(0).build());
        Map<String, String> props = new HashMap<>(Map.of("window.settle.ms", Long.toString(SETTLE.toMillis())));
        props.putAll(overrides);
        return new TaskHarness(sim, HISTORY, props);
    }

    @Test
    void twoHourCallsThatAppearAfterTheirWindowWasReadReachKafkaOnce() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE.withLongCalls(0.3, Duration.ofHours(2)), Map.of());
        List<CinnoxSourceTask> tasks = h.startTasks(2);
        h.run(tasks, NOW.plus(Duration.ofHours(6)), 400_000);
        TaskHarness.stop(tasks);

        Instant cutoff = NOW.plus(Duration.ofHours(3));
        for (String[] report : new String[][] {{"call-detail", "id"}, {"call-log", "hid"}, {"conference-detail", "conferenceID"}}) {
            Set<String> late = lateRows(report[0], report[1], NOW, cutoff);
            Set<String> delivered = h.keys(report[0]);
            Set<String> missingLate = new TreeSet<>(late);
            missingLate.removeAll(delivered);
            long lateFound = tasks.stream().mapToLong(t -> t.stats().lateRows(Report.require(report[0]))).sum();
            System.out.printf("%s: late rows made %d, delivered %d; the re-scans found %d rows late%n", report[0],
                    late.size(), late.size() - missingLate.size(), lateFound);
            assertTrue(missingLate.isEmpty(), report[0] + ": late rows lost: " + missingLate);
            h.assertComplete(report[0], report[1], cutoff);
            assertOncePerKey(h, report[0]);
        }
        assertTrue(lateRows("call-detail", "id", NOW, cutoff).size() > 0, "the simulator made long calls");
        assertTrue(tasks.stream().mapToLong(t -> t.stats().lateRows(Report.CALL_DETAIL)).sum() > 0);
    }

    @Test
    void rowsInsertedBelowThePageOffsetAreNeitherLostNorRepeated() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE, Map.of("page.size", "20"));
        sim.traps().lateInsert("enquiry-detail", 3).lateInsert("call-detail", 2);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 400_000);
        TaskHarness.stop(tasks);

        assertTrue(sim.truth().lateInsertsReleased() > 0, "the simulator inserted rows below the offset");
        assertTrue(tasks.get(0).stats().pageDrifts() > 0, "the drift check saw rows move");
        h.assertComplete("enquiry-detail", "id", NOW.plus(Duration.ofHours(2)));
        h.assertComplete("call-detail", "id", NOW.plus(Duration.ofHours(2)));
        assertOncePerKey(h, "call-detail");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void tiesShuffledBetweenRequestsAreNeitherLostNorRepeated() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE.withTies(7), Map.of("page.size", "10"));
        sim.traps().shuffleTies(true);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 400_000);
        TaskHarness.stop(tasks);

        Instant cutoff = NOW.plus(Duration.ofHours(2));
        h.assertComplete("call-detail", "id", cutoff);
        h.assertComplete("sms-detail", "id", cutoff);
        h.assertComplete("enquiry-detail", "id", cutoff);
        assertOncePerKey(h, "call-detail");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void aSuccessBodyOfUnknownShapeIsRetriedNeverTakenForNoRecords() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE, Map.of());
        sim.traps().itemsEnvelope("sms-detail", true);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofMinutes(30)), 20_000);
        assertTrue(tasks.get(0).stats().retries() > 0, "the unknown envelope was retried");
        assertTrue(h.recordsOf("cinnox.sms-detail").isEmpty(), "no record made up from an unknown envelope");

        sim.traps().itemsEnvelope("sms-detail", false);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 400_000);
        TaskHarness.stop(tasks);
        h.assertComplete("sms-detail", "id", NOW.plus(Duration.ofHours(2)));
        assertOncePerKey(h, "sms-detail");
    }

    @Test
    void anEnquiryClosedTwoDaysLaterIsSentOncePerVersionWithItsChat() throws Exception {
        TaskHarness h = harness(DataSwitches.NONE.withLateClose(0.3, Duration.ofDays(2)),
                Map.of("lookback.ms", Long.toString(Duration.ofDays(3).toMillis())));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        Instant end = NOW.plus(Duration.ofHours(6));
        h.run(tasks, end, 400_000);
        TaskHarness.stop(tasks);

        Map<String, Struct> last = new HashMap<>();
        h.recordsOf("cinnox.enquiry-detail").forEach(r -> last.put((String) r.key(), (Struct) r.value()));
        Set<String> chats = h.recordsOf("cinnox.enquiry-chat").stream()
                .map(r -> ((Struct) r.value()).getString("inquiryID")).collect(Collectors.toSet());
        int closedLate = 0;
        for (JsonNode enquiry : sim.truth().records("enquiry-detail", HISTORY, NOW.minus(Duration.ofHours(36)))) {
            String id = enquiry.path("id").asText();
            boolean closedInRun = "closed".equalsIgnoreCase(enquiry.path("status").asText())
                    && last.containsKey(id) && h.emitted.stream().anyMatch(r -> id.equals(r.key())
                    && !"closed".equalsIgnoreCase(((Struct) r.value()).getString("status")));
            if (closedInRun) {
                closedLate++;
                assertEquals("closed", last.get(id).getString("status"), id + ": the close was not sent");
                assertTrue(sim.truth().chat(enquiry.path("inquiry").asText()).isEmpty()
                        || chats.contains(enquiry.path("inquiry").asText()), id + ": its chat was not read");
            }
        }
        System.out.println("Enquiries sent open, then closed days later: " + closedLate);
        assertTrue(closedLate > 0, "some enquiries closed during the run");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "a version was sent twice");
    }

    /** Rows of [from, to) that became visible after their hour was over (plus settle): late for any window reader. */
    private Set<String> lateRows(String report, String idField, Instant from, Instant to) {
        Set<String> late = new TreeSet<>();
        for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            sim.truth().lateRows(report, h, h.plus(Duration.ofHours(1)), SETTLE)
                    .forEach(n -> late.add(n.path(idField).asText()));
        }
        return late;
    }

    /** For reports whose rows never change: every key reached Kafka exactly once. */
    private static void assertOncePerKey(TaskHarness h, String report) {
        Map<Object, Long> counts = h.recordsOf("cinnox." + report).stream()
                .collect(Collectors.groupingBy(SourceRecord::key, Collectors.counting()));
        Map<Object, Long> repeated = new HashMap<>(counts);
        repeated.values().removeIf(n -> n == 1);
        assertTrue(repeated.isEmpty(), report + ": keys sent more than once: " + repeated);
    }
}
