package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.WebhookConfig;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An enquiry that closes four days after it was created, past the default three-day lookback: the units
 * read it while it was open and no longer re-read its hour, and the enquiry's {@code Closed} event makes the
 * receiving task read that hour again: the closed version reaches Kafka once, with the chat (issue 9, point 3).
 */
@Timeout(120)
class EventRereadTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(1));
    private static final Duration CLOSE_AFTER = Duration.ofDays(4);
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aClosedEventFourDaysAfterCreationSendsTheClosedVersionOnceWithItsChat() throws Exception {
        long defaultLookback = (Long) CinnoxSourceConfig.configDef().defaultValues().get("lookback.ms");
        assertTrue(Duration.ofMillis(defaultLookback).compareTo(CLOSE_AFTER) < 0, "the default lookback is shorter");
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(17).historyDays(2)
                .volume(Volume.none().withEnquiries(120)).data(DataSwitches.NONE.withLateClose(0.5, CLOSE_AFTER))
                .fixedClock(NOW).port(0).build());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("reports", "enquiry-detail,enquiry-chat",
                "window.settle.ms", "120000", "lookback.ms", Long.toString(defaultLookback)));

        // The units read the day while the enquiries are open, then stop: nothing of theirs re-reads it later.
        List<CinnoxSourceTask> units = h.startTasks(1);
        h.run(units, NOW.plus(Duration.ofHours(1)), 200_000);
        TaskHarness.stop(units);
        int readBefore = h.emitted.size();

        Instant phase2 = NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(12));
        sim.clock().advance(Duration.between(sim.clock().now(), phase2));
        int port = freePort();
        CinnoxSourceTask receiver = h.startReceiver(Map.of(WebhookConfig.ENABLED_CONFIG, "true",
                WebhookConfig.PORT_CONFIG, Integer.toString(port),
                WebhookConfig.PUBLIC_URL_CONFIG, "http://127.0.0.1:" + port + "/cinnox/enquiry-events",
                WebhookConfig.SECRET_CONFIG, SECRET));
        List<SourceRecord> written = pollWhileEventsArrive(h, receiver, NOW.plus(CLOSE_AFTER).plus(Duration.ofHours(1)));

        Set<String> closedEvents = sim.webhooks().deliveries().stream()
                .filter(d -> d.ok() && "Closed".equals(d.event().status())).map(d -> d.event().eid())
                .collect(Collectors.toSet());
        List<JsonNode> closedLate = sim.truth().records("enquiry-detail", NOW.minus(Duration.ofHours(12)), NOW).stream()
                .filter(e -> closedEvents.contains(e.path("id").asText()))
                .filter(e -> sentWithStatus(h.emitted.subList(0, readBefore), e.path("id").asText(), "ongoing"))
                .toList();
        Set<String> chats = written.stream().filter(r -> r.topic().equals("cinnox.enquiry-chat"))
                .map(r -> ((Struct) r.value()).getString("inquiryID")).collect(Collectors.toSet());
        int closedVersions = 0;
        for (JsonNode enquiry : closedLate) {
            String id = enquiry.path("id").asText();
            long closedSent = written.stream().filter(r -> id.equals(r.key()) && r.topic().equals("cinnox.enquiry-detail")
                    && "closed".equalsIgnoreCase(((Struct) r.value()).getString("status"))).count();
            assertEquals(1, closedSent, id + ": the closed version sent " + closedSent + " times");
            closedVersions++;
            String inquiry = enquiry.path("inquiry").asText();
            assertTrue(sim.truth().chat(inquiry).isEmpty() || chats.contains(inquiry), id + ": its chat was not read");
        }
        long events = written.stream().filter(r -> r.topic().equals("cinnox.enquiry-events")).count();
        System.out.printf("Enquiries read open and closed four days later: %d; closed versions delivered after their "
                + "Closed event: %d; chats read %d; events %d%n", closedLate.size(), closedVersions, chats.size(), events);
        assertTrue(closedLate.size() > 0, "some enquiries read open closed during phase 2");
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "a version was sent twice");
    }

    /**
     * Polls the receiving task on this thread's partner while the simulator's clock moves in ten-minute steps
     * and its due events are posted; returns what the task wrote. Bounded by the steps and a join timeout.
     */
    private List<SourceRecord> pollWhileEventsArrive(TaskHarness h, CinnoxSourceTask task, Instant until)
            throws Exception {
        List<SourceRecord> written = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread worker = new Thread(() -> {
            try {
                while (running.get()) {
                    List<SourceRecord> records = task.poll();
                    if (records != null) {
                        synchronized (written) {
                            h.offsets.commit(records);
                            h.emitted.addAll(records);
                            written.addAll(records);
                        }
                        records.forEach(r -> task.commitRecord(r, null));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "receiving-task");
        worker.start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (sim.truth().subscription(sim.defaultAccount().appId()).isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sim.truth().subscription(sim.defaultAccount().appId()).isPresent(), "the receiver registered");
            for (int step = 0; step < 200 && sim.clock().now().isBefore(until); step++) {
                sim.clock().advance(Duration.ofMinutes(10));
                sim.webhooks().deliverDue();
                Thread.sleep(50);
            }
            for (int minute = 0; minute < 10; minute++) {
                sim.clock().advance(Duration.ofMinutes(1));
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            worker.join(5_000);
            task.stop();
        }
        synchronized (written) {
            return new ArrayList<>(written);
        }
    }

    private static boolean sentWithStatus(List<SourceRecord> records, String id, String status) {
        return records.stream().anyMatch(r -> id.equals(r.key()) && r.topic().equals("cinnox.enquiry-detail")
                && status.equalsIgnoreCase(((Struct) r.value()).getString("status")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
