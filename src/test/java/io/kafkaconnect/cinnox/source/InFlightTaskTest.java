package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Requests in flight on simulated time against the simulator with latency: overlap, order, resume, stop. */
class InFlightTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(1));
    private static final String REPORTS = "enquiry-detail,enquiry-chat,call-detail,recording-file";

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness(Map<String, String> overrides) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(23).historyDays(2).volume(Volume.perDay(80))
                .fixedClock(NOW).port(0).build());
        return new TaskHarness(sim, HISTORY, overrides);
    }

    @Test
    void withLatencySeveralRequestsAreInFlightAndEachPartitionStaysInOrder() throws Exception {
        TaskHarness h = harness(Map.of("reports", REPORTS, "max.in.flight.requests", "4"));
        sim.faults().latency(Duration.ofMillis(40));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(1)), 5_000);
        TaskHarness.stop(tasks);
        sim.faults().reset();

        int overlap = sim.requests().maxInFlight();
        assertTrue(overlap >= 2 && overlap <= 4, "requests answered at once: " + overlap);
        assertChatsFollowTheirEnquiryWhole(h.emitted);
        assertEveryChatMessageOnce(h);
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void oneRequestInFlightIsTodaysOneAtATime() throws Exception {
        TaskHarness h = harness(Map.of("reports", REPORTS, "max.in.flight.requests", "1"));
        sim.faults().latency(Duration.ofMillis(20));
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofHours(1)), 5_000);
        TaskHarness.stop(tasks);
        sim.faults().reset();

        assertEquals(1, sim.requests().maxInFlight(), "one request at a time");
        assertChatsFollowTheirEnquiryWhole(h.emitted);
        assertEveryChatMessageOnce(h);
    }

    @Test
    void aTaskStoppedWithRequestsInFlightResumesFromItsOffsetsWithoutLossOrRepeats() throws Exception {
        TaskHarness h = harness(Map.of("reports", REPORTS, "max.in.flight.requests", "4"));
        sim.faults().latency(Duration.ofMillis(30));
        List<CinnoxSourceTask> first = h.startTasks(1);
        int polls = 0;
        while (h.recordsOf("cinnox.enquiry-chat").size() < 40 && polls++ < 2_000) {
            h.pollTimes(first.get(0), 1);
        }
        TaskHarness.stop(first);
        int beforeRestart = h.recordsOf("cinnox.enquiry-chat").size();
        assertTrue(beforeRestart >= 40, "the first task got part of the way: " + beforeRestart);

        List<CinnoxSourceTask> second = h.startTasks(1);
        h.run(second, NOW.plus(Duration.ofHours(1)), 5_000);
        TaskHarness.stop(second);
        sim.faults().reset();

        assertTrue(h.recordsOf("cinnox.enquiry-chat").size() > beforeRestart, "the second task read the rest");
        assertEveryChatMessageOnce(h);
        Set<String> enquiries = sim.truth().records("enquiry-detail", HISTORY, NOW).stream()
                .map(n -> n.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> emitted = h.recordsOf("cinnox.enquiry-detail").stream().map(r -> (String) r.key())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(emitted.containsAll(enquiries), "every enquiry");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    @Test
    void stopCancelsEveryRequestInFlightAndEndsTheRequestThreads() throws Exception {
        TaskHarness h = harness(Map.of("reports", REPORTS, "max.in.flight.requests", "3"));
        Set<Thread> earlier = requestThreads();
        List<CinnoxSourceTask> tasks = h.startTasks(1);
        // A first quick answer takes the task out of its one-at-a-time start.
        for (int i = 0; i < 50 && sim.requests().answers(0) == 0; i++) {
            h.pollTimes(tasks.get(0), 1);
        }
        sim.faults().latency(Duration.ofMinutes(10));
        long before = sim.requests().total();
        for (int i = 0; i < 400 && sim.requests().total() < before + 3; i++) {
            h.pollTimes(tasks.get(0), 1);
            Thread.sleep(5);
        }
        h.pollTimes(tasks.get(0), 3);
        assertEquals(before + 3, sim.requests().total(), "three requests in flight, and no more");
        Set<Thread> ours = requestThreads();
        ours.removeAll(earlier);
        assertEquals(3, ours.size(), "the task's request threads");

        tasks.get(0).stop();
        for (int i = 0; i < 200 && ours.stream().anyMatch(Thread::isAlive); i++) {
            Thread.sleep(10);
        }
        assertTrue(ours.stream().noneMatch(Thread::isAlive), "the request threads ended");
        assertNull(tasks.get(0).poll(), "a stopped task polls nothing");
        sim.faults().reset();
    }

    private static Set<Thread> requestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cinnox-task-request-") && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void assertEveryChatMessageOnce(TaskHarness h) {
        Set<String> expected = new TreeSet<>();
        for (SourceRecord record : h.recordsOf("cinnox.enquiry-detail")) {
            Struct value = (Struct) record.value();
            if ("closed".equals(value.getString("status"))) {
                sim.truth().chat(value.getString("inquiry")).forEach(m -> expected.add(m.path("hid").asText()));
            }
        }
        Map<String, Integer> emitted = new HashMap<>();
        h.recordsOf("cinnox.enquiry-chat").forEach(r -> emitted.merge((String) r.key(), 1, Integer::sum));
        assertTrue(expected.size() > 50, "chat messages: " + expected.size());
        assertEquals(expected, new TreeSet<>(emitted.keySet()));
        assertTrue(emitted.values().stream().allMatch(n -> n == 1), "each message once");
    }

    /** In each partition: a chat comes after its closed enquiry, whole, in seq order, not mixed with another. */
    private static void assertChatsFollowTheirEnquiryWhole(List<SourceRecord> records) {
        Map<Object, List<SourceRecord>> byPartition = records.stream()
                .collect(Collectors.groupingBy(SourceRecord::sourcePartition, HashMap::new, Collectors.toList()));
        int chats = 0;
        for (List<SourceRecord> partition : byPartition.values()) {
            Set<String> closedRooms = new HashSet<>();
            Set<String> finishedRooms = new HashSet<>();
            String room = null;
            long seq = Long.MIN_VALUE;
            for (SourceRecord record : partition) {
                if (!(record.value() instanceof Struct value)) {
                    continue;
                }
                if (record.topic().equals("cinnox.enquiry-detail") && "closed".equals(value.getString("status"))) {
                    closedRooms.add(value.getString("roomID"));
                } else if (record.topic().equals("cinnox.enquiry-chat")) {
                    String messageRoom = value.getString("roomID");
                    if (!messageRoom.equals(room)) {
                        assertTrue(room == null || finishedRooms.add(room), "chat of " + room + " came in pieces");
                        assertTrue(!finishedRooms.contains(messageRoom), "chat of " + messageRoom + " came in pieces");
                        assertTrue(closedRooms.contains(messageRoom), "chat of " + messageRoom + " before its enquiry");
                        room = messageRoom;
                        seq = Long.MIN_VALUE;
                        chats++;
                    }
                    assertTrue(value.getInt64("seq") > seq, "chat of " + room + " in seq order");
                    seq = value.getInt64("seq");
                }
            }
        }
        assertTrue(chats > 5, "chats checked: " + chats);
    }
}
