package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.Fault;
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
import org.apache.kafka.connect.errors.ConnectException;
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
        h.assertComplete("enquiry-detail", "id", cutoff);
        h.assertComplete("call-detail", "id", cutoff);
        h.assertComplete("call-log", "hid", cutoff);
        h.assertComplete("conference-detail", "conferenceID", cutoff);
        h.assertComplete("sms-detail", "id", cutoff);
        h.assertComplete("sent-campaigns-summary", "id", cutoff);
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void deliversTheLatestVersionOfChangedRecordsAndTheirChildren() throws Exception {
        TaskHarness h = harness(Map.of());
        List<CinnoxSourceTask> tasks = h.startTasks(2);
        Instant end = NOW.plus(Duration.ofHours(3));
        h.run(tasks, end, 200_000);
        TaskHarness.stop(tasks);

        Instant cutoff = NOW.plus(Duration.ofHours(2));
        Instant settledChange = end.minus(Duration.ofMinutes(20));
        Map<String, Instant> lastChange = lastChanges(HISTORY, end);
        Duration lookback = Duration.ofDays(1).minus(Duration.ofMinutes(15));

        Map<String, Struct> enquiries = latest(h, "enquiry-detail");
        Set<String> chatEnquiries = h.recordsOf("cinnox.enquiry-chat").stream()
                .map(r -> ((Struct) r.value()).getString("inquiryID")).collect(Collectors.toSet());
        int checkedEnquiries = 0;
        int checkedChats = 0;
        for (JsonNode truth : sim.truth().records("enquiry-detail", HISTORY, cutoff)) {
            String id = truth.path("id").asText();
            Instant created = Instant.parse(truth.path("createdAt").asText());
            Instant changed = lastChange.getOrDefault("enquiry-detail/" + id, created);
            if (changed.isAfter(settledChange) || changed.isAfter(created.plus(lookback))) {
                continue;
            }
            checkedEnquiries++;
            assertEquals(truth.path("status").asText(), enquiries.get(id).getString("status"), "status of " + id);
            if ("closed".equals(truth.path("status").asText())) {
                checkedChats++;
                assertTrue(chatEnquiries.contains(truth.path("inquiry").asText()), "chat of closed enquiry " + id);
            }
        }
        assertTrue(checkedEnquiries > 50 && checkedChats > 20, checkedEnquiries + " enquiries, " + checkedChats + " chats");

        Map<String, Struct> sms = latest(h, "sms-detail");
        for (JsonNode truth : sim.truth().records("sms-detail", HISTORY, cutoff)) {
            String id = truth.path("id").asText();
            Instant created = Instant.parse(truth.path("createdAt").asText());
            Instant changed = lastChange.getOrDefault("sms-detail/" + id, created);
            if (!changed.isAfter(settledChange) && !changed.isAfter(created.plus(lookback))) {
                assertEquals(truth.path("carrierStatus").asText(), sms.get(id).getString("carrierStatus"), "SMS " + id);
            }
        }

        Set<String> recordings = h.recordsOf("cinnox.recording-file").stream().map(r -> (String) r.key())
                .collect(Collectors.toSet());
        int recorded = 0;
        for (JsonNode call : sim.truth().records("call-detail", HISTORY, cutoff)) {
            if (call.path("isRecording").asBoolean()) {
                for (JsonNode file : sim.truth().recordings(call.path("callID").asText())) {
                    recorded++;
                    assertTrue(recordings.contains(file.path("id").asText()), "recording " + file.path("id"));
                }
            }
        }
        assertTrue(recorded > 0, "some calls were recorded");
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    private Map<String, Instant> lastChanges(Instant from, Instant to) {
        Map<String, Instant> last = new HashMap<>();
        sim.truth().changes(from, to).forEach(c -> last.merge(c.endpoint() + "/" + c.id(), c.at(),
                (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }

    private static Map<String, Struct> latest(TaskHarness h, String report) {
        Map<String, Struct> latest = new HashMap<>();
        h.recordsOf("cinnox." + report).forEach(r -> latest.put((String) r.key(), (Struct) r.value()));
        return latest;
    }

    @Test
    void aTaskRestartedMidWayResumesWithoutLossOrRepeats() throws Exception {
        TaskHarness h = harness(Map.of());
        List<CinnoxSourceTask> first = h.startTasks(1);
        h.pollTimes(first.get(0), 150);
        TaskHarness.stop(first);
        int beforeRestart = h.emitted.size();
        assertTrue(beforeRestart > 100, "the first task got part of the way: " + beforeRestart);

        List<CinnoxSourceTask> second = h.startTasks(3);
        h.run(second, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(second);

        Instant cutoff = NOW.plus(Duration.ofHours(2));
        h.assertComplete("enquiry-detail", "id", cutoff);
        h.assertComplete("call-log", "hid", cutoff);
        h.assertComplete("sms-detail", "id", cutoff);
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void transientFaultsAreRetriedWithBackoffAndLoseNothing() throws Exception {
        TaskHarness h = harness(Map.of());
        sim.faults().rate(Fault.SERVICE_ERROR, 0.08).rate(Fault.CONNECTION_DROP, 0.04)
                .rate(Fault.TRUNCATED_BODY, 0.04).rate(Fault.HTTP_500, 0.04);
        List<CinnoxSourceTask> tasks = h.startTasks(2);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(tasks);

        long retries = tasks.stream().mapToLong(t -> t.stats().retries()).sum();
        assertTrue(retries > 10, "faults were met and retried: " + retries);
        Instant cutoff = NOW.plus(Duration.ofHours(2));
        h.assertComplete("enquiry-detail", "id", cutoff);
        h.assertComplete("call-detail", "id", cutoff);
        h.assertComplete("sms-detail", "id", cutoff);
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void aRateLimitStormPausesTheAccountInsteadOfHammeringIt() throws Exception {
        TaskHarness h = harness(Map.of());
        List<CinnoxSourceTask> tasks = h.startTasks(3);
        h.pollTimes(tasks.get(0), 20);
        long before = sim.requests().total();
        sim.faults().rateLimitStorm(Duration.ofMinutes(3));
        h.run(tasks, sim.clock().now().plus(Duration.ofMinutes(3)), 50_000);
        long duringStorm = sim.requests().total() - before;
        // A 3-minute storm starting mid-minute touches 4 clock minutes: one refused request per task in each, plus the
        // requests task 0 (polled before the storm) still had in flight beside its first (max.in.flight.requests 4).
        long bound = 3 * 4 + 3;
        assertTrue(duringStorm <= bound, "at most one request per task per clock minute while rate limited, and "
                + "what was in flight: " + duringStorm);

        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(tasks);
        h.assertComplete("enquiry-detail", "id", NOW.plus(Duration.ofHours(2)));
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void aWindowCinnoxFindsTooWideIsReadInHalves() throws Exception {
        TaskHarness h = harness(Map.of("backfill.chunk.days", "7", "query.window.max.ms",
                Long.toString(Duration.ofDays(3).toMillis())));
        sim.behaviour().maxWindowDays("call-log", 1);
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(3)), 200_000);
        TaskHarness.stop(tasks);
        h.assertComplete("call-log", "hid", NOW.plus(Duration.ofHours(2)));
        h.assertComplete("enquiry-detail", "id", NOW.plus(Duration.ofHours(2)));
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void anInvalidTokenFailsTheTaskAtOnceWithAnActionableMessage() throws Exception {
        TaskHarness h = harness(Map.of(CinnoxSourceConfig.APP_TOKEN_CONFIG, "revoked-s3cr3t"));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        ConnectException e = assertThrows(ConnectException.class, () -> h.pollTimes(tasks.get(0), 5));
        assertTrue(e.getMessage().contains("cinnox.app.token"), e.getMessage());
        assertTrue(e.getMessage().contains("6452000"), e.getMessage());
        assertFalse(e.getMessage().contains("revoked-s3cr3t"), e.getMessage());
        assertEquals(1, sim.requests().total(), "one request was enough to know");
        TaskHarness.stop(tasks);
    }

    @Test
    void stopCancelsARequestInFlightSoThePollReturnsAtOnce() throws Exception {
        TaskHarness h = harness(Map.of());
        sim.faults().latency(Duration.ofMinutes(10));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        java.util.concurrent.ExecutorService poller = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<org.apache.kafka.connect.source.SourceRecord>> poll =
                    poller.submit(() -> tasks.get(0).poll());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sim.requests().total() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            tasks.get(0).stop();
            // The answer would take 10 minutes (more than the 30 s read timeout): only the cancellation ends it.
            assertEquals(null, poll.get(20, java.util.concurrent.TimeUnit.SECONDS));
            tasks.get(0).stop();
            assertEquals(null, tasks.get(0).poll(), "a stopped task polls nothing");
        } finally {
            poller.shutdownNow();
            sim.faults().reset();
        }
    }

    @Test
    void shortSettleFrequentSweepsAndTwoTasksStillWriteEachVersionOnce() throws Exception {
        TaskHarness h = harness(Map.of("window.settle.ms", "30000", "poll.interval.ms", "5000",
                "lookback.ms", Long.toString(Duration.ofHours(2).toMillis()), "lookback.sweep.interval.ms", "20000",
                "heartbeat.interval.ms", "10000", "reports", "enquiry-detail,enquiry-chat,sms-detail"));
        List<CinnoxSourceTask> tasks = h.startTasks(2);
        h.run(tasks, NOW.plus(Duration.ofMinutes(50)), 400_000);
        TaskHarness.stop(tasks);
        h.assertComplete("enquiry-detail", "id", NOW.plus(Duration.ofMinutes(40)));
        h.assertComplete("sms-detail", "id", NOW.plus(Duration.ofMinutes(40)));
        assertEquals(0, duplicates(h.emitted), "records emitted twice with the same value");
    }

    static long duplicates(List<SourceRecord> records) {
        Set<String> seen = new HashSet<>();
        long dups = 0;
        for (SourceRecord r : records) {
            if (r.value() instanceof Struct s && !r.topic().endsWith("heartbeat")) {
                if (!seen.add(r.topic() + "|" + r.key() + "|" + s)) {
                    if (dups++ < 5) {
                        System.out.printf("emitted twice: %s key %s offset %s%n", r.topic(), r.key(), r.sourceOffset());
                    }
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
