package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once delivery through disruptions: on workers with exactly-once source support, the connector
 * (exactly.once.support=required) is restarted with its tasks part-way through the backfill, then one of
 * the two workers leaves and its tasks move to the other; a read_committed consumer still sees every record
 * of the history once. Small pages and a low request budget stretch the backfill so the disruptions land
 * in the middle of it.
 */
class ExactlyOnceRestartIT {

    private static final String CONNECTOR = "cinnox-eos";
    private static final int TASKS = 2;

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = ConnectClusters.simulator(31, 40);
        connect = ConnectClusters.start("cinnox-eos", 2, Map.of("exactly.once.source.support", "enabled"));
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
    void deliversEveryRecordOnceThroughARestartAndALostWorker() throws Exception {
        Instant historyStart = ConnectClusters.hoursAgo(26);
        Instant cutoff = ConnectClusters.cutoff();
        ExpectedRecords expected = ExpectedRecords.of(sim, historyStart, cutoff);
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), historyStart)
                .tasks(TASKS).schemas(false)
                .with("exactly.once.support", "required")
                .with("page.size", "10")
                .with("requests.per.minute", "300")
                .toMap();
        Instant deployed = Instant.now();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "connector did not start");

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), true)) {
            int total = expected.total();
            awaitDelivered(topics, expected, total / 5);
            int atRestart = expected.deliveredIn(topics);
            connect.restartConnectorAndTasks(CONNECTOR, false, true, false);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS,
                    "connector did not come back after the restart");

            awaitDelivered(topics, expected, total / 2);
            int atWorkerLoss = expected.deliveredIn(topics);
            connect.removeWorker();
            connect.assertions().assertExactlyNumWorkersAreUp(1, "a worker should have left");
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS,
                    "tasks did not move to the remaining worker");

            topics.awaitUntil("every record up to the cutoff is committed to Kafka", Duration.ofSeconds(180),
                    expected::allIn, () -> expected.describeMissing(topics));
            Duration took = Duration.between(deployed, Instant.now());
            topics.pollFor(Duration.ofSeconds(6));

            List<TopicContents.Entry> duplicates = topics.duplicates();
            System.out.printf("ExactlyOnceRestartIT: %d expected records delivered in %d s; connector and tasks "
                    + "restarted after %d, a worker left after %d; records in Kafka %s; duplicates %d%n", total,
                    took.toSeconds(), atRestart, atWorkerLoss, topics.countsByReport(), duplicates.size());
            assertEquals(List.of(), duplicates.stream().limit(5).toList(), "records written twice");
            assertEquals(Map.of(), ExpectedRecords.repeatedImmutableKeys(topics), "immutable records written twice");
        }
    }

    private static void awaitDelivered(TopicContents topics, ExpectedRecords expected, int atLeast) {
        topics.awaitUntil(atLeast + " expected records are committed", Duration.ofSeconds(120),
                t -> expected.deliveredIn(t) >= atLeast, () -> expected.describeMissing(topics));
    }
}
