package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.config.WebhookConfig;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.schedule.Sleeper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.simulator.Webhooks;
import io.kafkaconnect.cinnox.webhook.EventRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class WebhookModeTest {

    private static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private CinnoxSimulator sim;
    private int port;

    @BeforeEach
    void start() throws IOException {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(1).volume(Volume.perDay(300))
                .fixedClock(NOW).build());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> props() {
        Map<String, String> p = new HashMap<>();
        p.put(CinnoxSourceConfig.BASE_URL_CONFIG, sim.baseUrl());
        p.put(CinnoxSourceConfig.APP_ID_CONFIG, sim.defaultAccount().appId());
        p.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, sim.defaultAccount().token());
        p.put("history.start", "2026-01-09T00:00:00Z");
        p.put("backfill.chunk.days", "1");
        p.put(WebhookConfig.ENABLED_CONFIG, "true");
        p.put(WebhookConfig.PORT_CONFIG, Integer.toString(port));
        p.put(WebhookConfig.PUBLIC_URL_CONFIG, "http://127.0.0.1:" + port + "/cinnox/enquiry-events");
        p.put(WebhookConfig.SECRET_CONFIG, SECRET);
        return p;
    }

    @Test
    void offByDefault() {
        Map<String, String> p = props();
        p.remove(WebhookConfig.ENABLED_CONFIG);
        CinnoxSourceConfig config = new CinnoxSourceConfig(p);
        assertFalse(config.webhook().receiving());
        assertEquals("127.0.0.1", config.webhook().bindAddress());
        assertEquals("cinnox.enquiry-events", config.webhook().topic());
        assertFalse(config.describe().contains(SECRET), "the secret is never shown");
    }

    @Test
    void enabledNeedsPublicUrlAndAStrongSecret() {
        Map<String, String> p = props();
        p.remove(WebhookConfig.PUBLIC_URL_CONFIG);
        p.put(WebhookConfig.SECRET_CONFIG, "short");
        Config result = CinnoxSourceConfig.validate(p);
        assertTrue(errors(result, WebhookConfig.PUBLIC_URL_CONFIG).contains("is required"), result.toString());
        assertTrue(errors(result, WebhookConfig.SECRET_CONFIG).contains("at least 24 characters"));
        assertFalse(errors(result, WebhookConfig.SECRET_CONFIG).contains("short"), "the secret is not repeated");
        assertThrows(ConfigException.class, () -> new CinnoxSourceConfig(p));

        p.remove(WebhookConfig.SECRET_CONFIG);
        assertTrue(errors(CinnoxSourceConfig.validate(p), WebhookConfig.SECRET_CONFIG).contains("must be set"));

        p.put(WebhookConfig.DEREGISTER_CONFIG, "true");
        assertEquals("", errors(CinnoxSourceConfig.validate(p), WebhookConfig.SECRET_CONFIG),
                "removing needs neither");
    }

    private static String errors(Config result, String key) {
        for (ConfigValue value : result.configValues()) {
            if (value.name().equals(key)) {
                return String.join(" ", value.errorMessages());
            }
        }
        return "";
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void exactlyOneTaskReceives(int maxTasks) {
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(new InMemoryOffsets().connectorContext());
        connector.start(props());
        List<Map<String, String>> configs = connector.taskConfigs(maxTasks);
        connector.stop();

        assertTrue(configs.size() <= maxTasks);
        List<CinnoxTaskConfig> tasks = configs.stream().map(CinnoxTaskConfig::parse).toList();
        assertEquals(1, tasks.stream().filter(CinnoxTaskConfig::receiver).count());
        assertTrue(tasks.get(0).receiver(), "task 0 receives");
        if (maxTasks > 1) {
            assertTrue(tasks.get(0).units().isEmpty(), "the receiver does nothing else");
        }
        assertEquals(400.0, tasks.stream().mapToDouble(CinnoxTaskConfig::requestsPerMinute).sum(), 1e-6);
        long units = tasks.stream().mapToLong(t -> t.units().size()).sum();
        assertEquals(tasks.stream().flatMap(t -> t.units().stream()).distinct().count(), units, "no unit twice");
    }

    @Test
    void noReceiverWhenRemovalIsAsked() {
        Map<String, String> p = props();
        p.put(WebhookConfig.DEREGISTER_CONFIG, "true");
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(new InMemoryOffsets().connectorContext());
        connector.start(p);
        List<Map<String, String>> configs = connector.taskConfigs(3);
        connector.stop();
        assertTrue(configs.stream().map(CinnoxTaskConfig::parse).noneMatch(CinnoxTaskConfig::receiver));
    }

    @Test
    void receivingTaskRegistersWritesEventsInOrderAndRemovalDeregisters() throws Exception {
        Map<String, String> p = props();
        p.put("reports", "channel-type-list");
        Map<String, String> taskProps = CinnoxTaskConfig.taskProps(p, List.of(), 10, NOW, true);
        InMemoryOffsets offsets = new InMemoryOffsets();
        CinnoxSourceTask task = new CinnoxSourceTask(Clock.systemUTC(), Sleeper.SYSTEM, CinnoxClient::new,
                RateBudget::join);
        task.initialize(offsets.context(taskProps));
        task.start(taskProps);
        List<SourceRecord> written = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread worker = new Thread(() -> {
            try {
                while (running.get()) {
                    List<SourceRecord> records = task.poll();
                    if (records != null) {
                        for (SourceRecord r : records) {
                            written.add(r);
                            task.commitRecord(r, null);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (sim.truth().subscription(sim.defaultAccount().appId()).isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            String registered = sim.truth().subscription(sim.defaultAccount().appId()).orElseThrow()
                    .path("url").asText();
            assertEquals("http://127.0.0.1:" + port + "/cinnox/enquiry-events/" + SECRET, registered);
            assertEquals(1, task.receiver().stats().challengeCount());

            sim.clock().advance(Duration.ofHours(2));
            int due = sim.webhooks().deliverDue();
            assertTrue(due > 10, "due " + due);
            assertTrue(sim.webhooks().deliveries().stream().allMatch(Webhooks.Delivery::ok));
        } finally {
            running.set(false);
            worker.join(5_000);
            task.stop();
        }
        List<SourceRecord> events = written.stream().filter(r -> r.topic().equals("cinnox.enquiry-events")).toList();
        assertEquals(sim.webhooks().deliveries().size(), events.size());
        Map<String, List<String>> byEnquiry = new LinkedHashMap<>();
        for (SourceRecord r : events) {
            Struct value = (Struct) r.value();
            assertEquals(value.getString("eid"), r.key());
            assertEquals(((java.util.Date) value.get("date")).getTime(), r.timestamp());
            assertEquals(Map.of("app", sim.defaultAccount().appId(), "report", EventRecords.PARTITION_REPORT),
                    r.sourcePartition());
            byEnquiry.computeIfAbsent((String) r.key(), k -> new ArrayList<>()).add(value.getString("status"));
        }
        for (Webhooks.Delivery d : sim.webhooks().deliveries()) {
            List<String> statuses = byEnquiry.get(d.event().eid());
            assertNotNull(statuses);
        }
        for (List<String> statuses : byEnquiry.values()) {
            if (statuses.contains("Opened")) {
                assertEquals("Opened", statuses.get(0), statuses.toString());
            }
        }
        assertNull(task.receiver(), "stopped");

        Map<String, String> remove = props();
        remove.put(WebhookConfig.DEREGISTER_CONFIG, "true");
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(new InMemoryOffsets().connectorContext());
        connector.start(remove);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (sim.truth().subscription(sim.defaultAccount().appId()).isPresent()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sim.truth().subscription(sim.defaultAccount().appId()).isEmpty());
        } finally {
            connector.stop();
        }
    }
}
