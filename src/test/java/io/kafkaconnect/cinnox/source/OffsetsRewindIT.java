package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rewinding through the offsets REST API: once the backfill of an old chunk of sms-detail is done, the
 * stopped connector's offset for that chunk is set back to noon of its day and the ledgers of the hours
 * from noon on are reset; after a resume exactly the records from noon on are delivered again. Offsets the connector cannot read are refused with a message
 * that says why.
 */
class OffsetsRewindIT {

    private static final String CONNECTOR = "cinnox-rewind";
    private static final String REPORT = "sms-detail";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = ConnectClusters.simulator(51, 40);
        connect = ConnectClusters.start("cinnox-rewind", 1, Map.of());
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

    @Test
    void redeliversAChunkFromTheRewoundPositionAndRefusesUnreadableOffsets() throws Exception {
        // The chunk three days back is done whatever the time of day (its end plus the settle delay and the late
        // horizon's reach of 25 hours is past; two days back it is not between 00:00 and about 01:02 UTC), and
        // inside the simulator's 4 days of history; it is the one to rewind.
        Instant chunkStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        Instant chunkEnd = chunkStart.plus(Duration.ofDays(1));
        Instant noon = chunkStart.plus(Duration.ofHours(12));
        Set<String> morning = ids(chunkStart, noon);
        Set<String> afternoon = ids(noon, chunkEnd);
        assertTrue(!morning.isEmpty() && !afternoon.isEmpty(), "the simulator holds SMS on both halves of the day");

        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), chunkStart)
                .with("reports", REPORT)
                .with("lookback.ms", "0")
                .toMap();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");
        Map<String, Object> partition = partition(chunkStart);

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), false)) {
            topics.awaitUntil("the chunk's SMS are in Kafka", Duration.ofSeconds(60),
                    t -> t.keys(REPORT).containsAll(morning) && t.keys(REPORT).containsAll(afternoon),
                    () -> "keys " + topics.keys(REPORT).size());
            TestUtils.waitForCondition(() -> Boolean.TRUE.equals(storedOffset(partition).get("done")), 30_000,
                    "the chunk's unit is marked done");
            connect.stopConnector(CONNECTOR);
            connect.assertions().assertConnectorIsStopped(CONNECTOR, "connector did not stop");

            assertRefused(partition, Map.of("v", 2), "format version 2 was written by a newer connector");
            assertRefused(withReport(partition, "no-such-report"), Map.of("v", 1), "Unknown report 'no-such-report'");
            assertRefused(withChunk(partition, noon), Map.of("v", 1), "chunk");

            Map<String, Object> rewound = new LinkedHashMap<>();
            rewound.put("v", 1);
            rewound.put("windowStart", noon.toEpochMilli());
            rewound.put("windowEnd", noon.toEpochMilli());
            String answer = connect.alterSourceConnectorOffset(CONNECTOR, partition, rewound);
            System.out.println("OffsetsRewindIT: PATCH answered: " + answer);
            // The hours from noon on forget what they sent, so their rows go out again (docs/operations.md).
            for (Instant hour = noon; hour.isBefore(chunkEnd); hour = hour.plus(Duration.ofHours(1))) {
                Map<String, Object> bucket = new io.kafkaconnect.cinnox.ledger.Bucket(hour, Duration.ofHours(1))
                        .partition(partition);
                connect.alterSourceConnectorOffset(CONNECTOR, bucket, null);
            }
            connect.resumeConnector(CONNECTOR);
            connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not resume");

            topics.awaitUntil("the afternoon's SMS are delivered again", Duration.ofSeconds(60),
                    t -> afternoon.stream().allMatch(id -> t.keyCounts(REPORT).getOrDefault(id, 0) >= 2),
                    () -> "key counts " + countsOf(topics, afternoon));
            topics.pollFor(Duration.ofSeconds(5));
            Map<String, Integer> counts = topics.keyCounts(REPORT);
            System.out.printf("OffsetsRewindIT: chunk %s rewound to %s: %d morning SMS delivered once, %d afternoon "
                    + "SMS delivered again%n", chunkStart, noon, morning.size(), afternoon.size());
            assertEquals(Set.of(1), morning.stream().map(counts::get).collect(Collectors.toSet()),
                    "SMS before the rewind point are not delivered again");
            assertEquals(Set.of(2), afternoon.stream().map(counts::get).collect(Collectors.toSet()),
                    "SMS from the rewind point on are delivered exactly once more");
        }
    }

    private static Set<String> ids(Instant from, Instant to) {
        return sim.truth().records(REPORT, from, to).stream().map(n -> n.path("id").asText())
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> partition(Instant chunk) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("app", sim.defaultAccount().appId());
        partition.put("report", REPORT);
        partition.put("chunk", chunk.toString());
        return partition;
    }

    private static Map<String, Object> withReport(Map<String, Object> partition, String report) {
        Map<String, Object> changed = new LinkedHashMap<>(partition);
        changed.put("report", report);
        return changed;
    }

    private static Map<String, Object> withChunk(Map<String, Object> partition, Instant chunk) {
        Map<String, Object> changed = new LinkedHashMap<>(partition);
        changed.put("chunk", chunk.toString());
        return changed;
    }

    private static Map<String, ?> storedOffset(Map<String, Object> partition) {
        return connect.connectorOffsets(CONNECTOR).offsets().stream()
                .filter(o -> o.partition().equals(partition)).map(ConnectorOffset::offset)
                .findFirst().orElse(Map.of());
    }

    /**
     * PATCHes one offset and expects it refused with a message that holds {@code reason}. Connect answers
     * 500 when the connector's alterOffsets refuses (only worker-side checks answer 400), so any error
     * status counts; the message is what users read.
     */
    private static void assertRefused(Map<String, Object> partition, Map<String, Object> offset, String reason)
            throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("offsets", List.of(Map.of("partition", partition,
                "offset", offset))));
        Response response = connect.requestPatch(connect.endpointForResource("connectors/" + CONNECTOR + "/offsets"),
                body);
        String text = String.valueOf(response.getEntity());
        System.out.println("OffsetsRewindIT: PATCH " + body + " -> " + response.getStatus() + " " + text);
        assertTrue(response.getStatus() >= 400, "refused: " + text);
        JsonNode message = MAPPER.readTree(text).path("message");
        assertTrue(message.asText().contains(reason), "message names the problem (" + reason + "): " + text);
    }

    private static Map<String, Integer> countsOf(TopicContents topics, Set<String> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> all = topics.keyCounts(REPORT);
        ids.forEach(id -> counts.put(id, all.getOrDefault(id, 0)));
        return counts;
    }
}
