package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.report.Report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector in a real Connect worker against a live simulator: deployed through the REST API, it
 * delivers every record of a day of history to Kafka once, children included, and exposes its offsets
 * through {@code GET /connectors/{name}/offsets} in the documented partition format.
 */
class EndToEndIT {

    private static final String CONNECTOR = "cinnox-e2e";

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = ConnectClusters.simulator(21, 40);
        connect = ConnectClusters.start("cinnox-e2e", 1, Map.of());
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
    void deliversEveryRecordOfTheHistoryOnceWithChildren() throws Exception {
        Instant historyStart = ConnectClusters.hoursAgo(26);
        Instant cutoff = ConnectClusters.cutoff();
        ExpectedRecords expected = ExpectedRecords.of(sim, historyStart, cutoff);
        assertTrue(expected.ids("enquiry-chat").size() > 0 && expected.ids("recording-file").size() > 0,
                "the simulated history holds chats and recordings: " + expected.counts());

        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), historyStart)
                .tasks(2).schemas(true).toMap();
        Instant deployed = Instant.now();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), false)) {
            topics.awaitUntil("every record up to the cutoff is in Kafka", Duration.ofSeconds(150),
                    expected::allIn, () -> expected.describeMissing(topics));
            Duration took = Duration.between(deployed, Instant.now());
            // Late duplicates would come from re-reads; give them a few polls to show up.
            topics.pollFor(Duration.ofSeconds(6));

            List<TopicContents.Entry> duplicates = topics.duplicates();
            System.out.printf("EndToEndIT: history [%s, %s) delivered in %d s; expected %s; records in Kafka %s; "
                    + "duplicates %d%n", historyStart, cutoff, took.toSeconds(), expected.counts(),
                    topics.countsByReport(), duplicates.size());
            assertEquals(List.of(), duplicates.stream().limit(5).toList(), "records written twice");
            assertEquals(Map.of(), ExpectedRecords.repeatedImmutableKeys(topics), "immutable records written twice");
            assertTrue(topics.countsByReport().getOrDefault("channel-type-list", 0) > 0, "channel types read");
            assertTrue(topics.countsByReport().getOrDefault("enquiry-overview", 0) > 0, "daily overview read");
        }
        assertOffsetsNameUnitsOfWork();
    }

    /**
     * Every stored partition is {app, report[, chunk[, bucket]]} of this App, with a versioned offset, or a
     * task's budget state {cinnox.budget: index} (tasks lend each other budget through them).
     */
    private void assertOffsetsNameUnitsOfWork() {
        List<ConnectorOffset> offsets = connect.connectorOffsets(CONNECTOR).offsets();
        assertFalse(offsets.isEmpty(), "offsets are stored");
        Set<String> reports = new HashSet<>();
        for (ConnectorOffset offset : offsets) {
            Map<String, ?> partition = offset.partition();
            if (partition.containsKey(BudgetState.PARTITION_KEY)) {
                assertEquals(Set.of(BudgetState.PARTITION_KEY), partition.keySet(), "keys of " + partition);
                BudgetState.fromOffset(offset.offset());
                continue;
            }
            assertEquals(sim.defaultAccount().appId(), partition.get("app"), "app of " + partition);
            Report report = Report.require((String) partition.get("report"));
            reports.add(report.apiName());
            Set<String> expectedKeys = report.kind() == Report.Kind.SNAPSHOT ? Set.of("app", "report")
                    : report.kind() == Report.Kind.WINDOWED && partition.containsKey("bucket")
                    ? Set.of("app", "report", "chunk", "bucket") : Set.of("app", "report", "chunk");
            assertEquals(expectedKeys, partition.keySet(), "keys of " + partition);
            if (partition.containsKey("chunk")) {
                Instant chunk = Instant.parse((String) partition.get("chunk"));
                assertEquals(0, chunk.toEpochMilli() % Duration.ofDays(1).toMillis(), "chunk on the day grid");
            }
            assertNotNull(offset.offset(), "offset of " + partition);
            assertEquals(1L, ((Number) offset.offset().get("v")).longValue(), "offset version of " + partition);
        }
        assertTrue(reports.containsAll(ExpectedRecords.WINDOWED_ID_FIELDS.keySet()),
                "every windowed report has offsets: " + reports);
    }
}
