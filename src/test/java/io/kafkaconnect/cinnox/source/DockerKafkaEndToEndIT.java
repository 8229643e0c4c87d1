package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end check against a real Kafka broker in Docker (Testcontainers), for machines that have
 * Docker; skipped elsewhere. There is no Connect image in the loop: one distributed Connect worker runs in
 * this JVM against the container's bootstrap servers and is driven through its REST API with a plain HTTP
 * client, as users do. Its name does not start with "Test", so surefire's default includes leave it to
 * failsafe.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerKafkaEndToEndIT {

    private static final String CONNECTOR = "cinnox-tc";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.0.0");

    private static CinnoxSimulator sim;
    private static WorkerHandle worker;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startWorker() {
        sim = ConnectClusters.simulator(71, 40);
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", KAFKA.getBootstrapServers());
        props.put("group.id", "cinnox-tc-connect");
        props.put("config.storage.topic", "cinnox-tc-configs");
        props.put("offset.storage.topic", "cinnox-tc-offsets");
        props.put("status.storage.topic", "cinnox-tc-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", JsonConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        props.put("listeners", "http://127.0.0.1:0");
        props.put("offset.flush.interval.ms", "2000");
        props.put("scheduled.rebalance.max.delay.ms", "10000");
        worker = WorkerHandle.start("cinnox-tc-worker", props);
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void deliversEveryRecordOfTheHistoryOnce() throws Exception {
        Instant historyStart = ConnectClusters.hoursAgo(26);
        Instant cutoff = ConnectClusters.cutoff();
        ExpectedRecords expected = ExpectedRecords.of(sim, historyStart, cutoff);
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), historyStart)
                .schemas(false).toMap();

        TestUtils.waitForCondition(() -> get("/connectors").statusCode() == 200, 60_000, "the worker's REST API is up");
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/connectors/" + CONNECTOR + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(props))).build());
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201, "connector created: " + put.body());
        TestUtils.waitForCondition(DockerKafkaEndToEndIT::taskRunning, 60_000, "the connector's task runs");

        try (TopicContents topics = new TopicContents(KAFKA.getBootstrapServers(), false)) {
            topics.awaitUntil("every record up to the cutoff is in Kafka", Duration.ofSeconds(150),
                    expected::allIn, () -> expected.describeMissing(topics));
            topics.pollFor(Duration.ofSeconds(6));
            List<TopicContents.Entry> duplicates = topics.duplicates();
            System.out.printf("DockerKafkaEndToEndIT: expected %s; records in Kafka %s; duplicates %d%n",
                    expected.counts(), topics.countsByReport(), duplicates.size());
            assertEquals(List.of(), duplicates.stream().limit(5).toList(), "records written twice");
            assertEquals(Map.of(), ExpectedRecords.repeatedImmutableKeys(topics), "immutable records written twice");
        }
    }

    private static boolean taskRunning() throws IOException, InterruptedException {
        HttpResponse<String> status = get("/connectors/" + CONNECTOR + "/status");
        if (status.statusCode() != 200) {
            return false;
        }
        JsonNode tasks = MAPPER.readTree(status.body()).path("tasks");
        return tasks.size() > 0 && "RUNNING".equals(tasks.get(0).path("state").asText());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        String base = worker.url().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
