package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.WebhookConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.simulator.Webhooks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook mode end to end on two Connect workers: the receiving task registers with the simulator (which
 * runs the challenge), the simulator posts the events of its enquiries, they reach Kafka in order per
 * enquiry within a second, forged and broken requests are refused without harm, the receiver moves with its
 * task when its worker goes, and webhook.deregister removes the subscription.
 */
@Timeout(180)
class EnquiryWebhookIT {

    private static final String CONNECTOR = "cinnox-webhook";
    private static final String TOPIC = "cinnox.enquiry-events";
    private static final String SECRET = "it-secret-0123456789abcdef0123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant HISTORY_START = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startClusters() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(11).historyDays(1).volume(Volume.perDay(400))
                .fixedClock(Instant.now().minus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MINUTES)).build());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("scheduled.rebalance.max.delay.ms", "2000");
        workerProps.put("offset.flush.interval.ms", "2000");
        Properties brokerProps = new Properties();
        brokerProps.put("group.initial.rebalance.delay.ms", "0");
        // The sim clock runs hours behind: event times must not lie in the future, or the broker refuses them.
        connect = new EmbeddedConnectCluster.Builder().name("cinnox-webhook-it").numWorkers(2).numBrokers(1)
                .workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
        for (String topic : List.of(TOPIC, "cinnox.channel-type-list", "cinnox.heartbeat")) {
            connect.kafka().createTopic(topic, 1);
        }
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

    private static Map<String, String> connectorProps(boolean deregister) {
        Map<String, String> p = new HashMap<>();
        p.put("connector.class", CinnoxSourceConnector.class.getName());
        p.put("tasks.max", "2");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put(CinnoxSourceConfig.BASE_URL_CONFIG, sim.baseUrl());
        p.put(CinnoxSourceConfig.APP_ID_CONFIG, sim.defaultAccount().appId());
        p.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, sim.defaultAccount().token());
        p.put("reports", "channel-type-list");
        // Absolute, so a connector restarting elsewhere plans the same task configs and restarts no task.
        p.put("history.start", HISTORY_START.toString());
        p.put(WebhookConfig.ENABLED_CONFIG, "true");
        p.put(WebhookConfig.PORT_CONFIG, Integer.toString(port));
        p.put(WebhookConfig.PUBLIC_URL_CONFIG, "http://127.0.0.1:" + port + "/cinnox/enquiry-events");
        p.put(WebhookConfig.SECRET_CONFIG, SECRET);
        p.put(WebhookConfig.DEREGISTER_CONFIG, Boolean.toString(deregister));
        return p;
    }

    private static String hook(String suffix) {
        return "http://127.0.0.1:" + port + "/cinnox/enquiry-events" + suffix;
    }

    @Test
    void eventsArriveInOrderWithinASecondAndTheReceiverMovesAndDeregisters() throws Exception {
        connect.configureConnector(CONNECTOR, connectorProps(false));
        await("the subscription is registered", Duration.ofSeconds(60),
                () -> sim.truth().subscription(sim.defaultAccount().appId()).isPresent());
        assertEquals(hook("/" + SECRET), sim.truth().subscription(sim.defaultAccount().appId()).orElseThrow()
                .path("url").asText(), "registered with the secret, after the challenge was answered");

        List<Webhooks.Delivery> first = deliver(Duration.ofHours(2));
        assertTrue(first.size() > 20, "events delivered: " + first.size());
        List<ConsumerRecord<byte[], byte[]>> records = consume(first.size());
        assertInOrderPerEnquiry(first, records);
        reportLatency("before the move", first);

        refusesForgedAndBrokenRequests();
        assertEquals("RUNNING", connect.connectorStatus(CONNECTOR).tasks().get(0).state(), "no task failure");

        int registrations = sim.requests().count("inquiry-event-sub");
        String before = workerOfTask0();
        WorkerHandle host = connect.workers().stream().filter(w -> before.endsWith(":" + w.url().getPort()))
                .findFirst().orElseThrow();
        Instant removed = Instant.now();
        connect.removeWorker(host);
        // The status may still name the removed worker for a moment, and its keeper may have renewed the
        // subscription just before: wait for task 0 on another worker, then for a registration from there.
        await("task 0 runs on the other worker", Duration.ofSeconds(60),
                () -> task0Running() && !before.equals(workerOfTask0()));
        await("task 0 registered again", Duration.ofSeconds(60),
                () -> sim.requests().count("inquiry-event-sub") > registrations && task0Running());
        System.out.printf("EnquiryWebhookIT: receiver back and re-registered %d ms after its worker was removed%n",
                Duration.between(removed, Instant.now()).toMillis());
        assertNotEquals(before, workerOfTask0());
        awaitSteadyReceiver();

        List<Webhooks.Delivery> second = deliver(Duration.ofMinutes(40));
        assertTrue(second.size() > 5, "events after the move: " + second.size());
        List<ConsumerRecord<byte[], byte[]>> all = consume(first.size() + second.size());
        assertInOrderPerEnquiry(second, all.subList(first.size(), all.size()));
        reportLatency("after the move", second);

        connect.configureConnector(CONNECTOR, connectorProps(true));
        await("webhook.deregister removed the subscription", Duration.ofSeconds(60),
                () -> sim.truth().subscription(sim.defaultAccount().appId()).isEmpty());
        connect.deleteConnector(CONNECTOR);
    }

    /** Moves the sim clock in 10-minute steps, delivering the due events after each. */
    private List<Webhooks.Delivery> deliver(Duration span) {
        int before = sim.webhooks().deliveries().size();
        for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plusMinutes(10)) {
            sim.clock().advance(Duration.ofMinutes(10));
            sim.webhooks().deliverDue();
        }
        List<Webhooks.Delivery> deliveries = sim.webhooks().deliveries();
        List<Webhooks.Delivery> mine = deliveries.subList(before, deliveries.size());
        assertTrue(mine.stream().allMatch(Webhooks.Delivery::ok), "every event answered 2xx: " + mine.stream()
                .filter(d -> !d.ok()).limit(3).toList());
        return List.copyOf(mine);
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(int count) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        connect.kafka().consume(count, 30_000, TOPIC).forEach(out::add);
        assertEquals(count, out.size(), "every accepted event is in Kafka once");
        return out;
    }

    private static void assertInOrderPerEnquiry(List<Webhooks.Delivery> sent, List<ConsumerRecord<byte[], byte[]>>
            records) throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Webhooks.Delivery d : sent) {
            expected.computeIfAbsent(d.event().eid(), k -> new ArrayList<>()).add(d.event().status()
                    + "@" + d.event().at().toEpochMilli());
        }
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode value = JSON.readTree(r.value());
            String key = new String(r.key(), StandardCharsets.UTF_8);
            assertEquals(value.path("eid").asText(), key);
            assertEquals(value.path("date").asLong(), r.timestamp(), "event time is the record timestamp");
            actual.computeIfAbsent(key, k -> new ArrayList<>()).add(value.path("status").asText() + "@"
                    + value.path("date").asLong());
        }
        assertEquals(expected, actual);
    }

    /** The sender's round trip: the 200 comes only once Kafka acknowledged the record. */
    private static void reportLatency(String phase, List<Webhooks.Delivery> deliveries) {
        List<Long> millis = deliveries.stream().map(d -> d.roundTrip().toMillis()).sorted().toList();
        long p50 = millis.get(millis.size() / 2);
        long p99 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1));
        long max = millis.get(millis.size() - 1);
        System.out.printf("EnquiryWebhookIT latency %s: %d events, sent -> acknowledged by Kafka -> 200: "
                + "p50 %d ms, p99 %d ms, max %d ms%n", phase, millis.size(), p50, p99, max);
        assertTrue(max < 1_000, "every event in Kafka within a second of being sent, max " + max + " ms");
    }

    private void refusesForgedAndBrokenRequests() throws Exception {
        String event = "{\"eid\":\"forged\",\"status\":\"Closed\"}";
        assertEquals(404, post(hook(""), event).statusCode(), "no secret");
        assertEquals(404, post(hook("/guessed-secret"), event).statusCode(), "wrong secret");
        assertEquals(404, post(hook("/" + SECRET + "?x=1").replace("?x=1", "/more"), event).statusCode());
        assertEquals(400, post(hook("/" + SECRET), "{\"eid\": ").statusCode(), "malformed JSON");
        assertEquals(400, post(hook("/" + SECRET), "{\"status\":\"Opened\"}").statusCode(), "no eid");
        assertEquals(413, post(hook("/" + SECRET), "{\"eid\":\"" + "x".repeat(70_000) + "\"}").statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(hook("/" + SECRET))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), "wrong method");
    }

    /** The receiver answers challenges without a break for two seconds: the rebalance is over. */
    private void awaitSteadyReceiver() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long steadySince = System.nanoTime();
        while (System.nanoTime() - steadySince < Duration.ofSeconds(2).toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver did not settle within 30 s");
            }
            boolean up;
            try {
                up = post(hook("/" + SECRET), "{\"challenge\":\"steady\"}").statusCode() == 200;
            } catch (java.io.IOException e) {
                up = false;
            }
            if (!up) {
                steadySince = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String workerOfTask0() {
        return connect.connectorStatus(CONNECTOR).tasks().stream().filter(t -> t.id() == 0).findFirst()
                .map(ConnectorStateInfo.TaskState::workerId).orElse("");
    }

    private static boolean task0Running() {
        try {
            return connect.connectorStatus(CONNECTOR).tasks().stream()
                    .anyMatch(t -> t.id() == 0 && "RUNNING".equals(t.state()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max + " waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
