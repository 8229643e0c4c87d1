package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request budget holds under load: four tasks on three workers with requests.per.minute=120 and a
 * backfill that needs well over 120 requests never send CINNOX more than 120 requests in a minute (as the
 * simulator counts them, per service account and clock minute), and still deliver the whole history.
 *
 * <p>All embedded workers share this one JVM, and with it the JVM-wide budget that the tasks join with
 * their shares (requests.per.minute / tasks). So this shows the budget divided among tasks and workers of
 * one process, not coordination between worker processes on different machines, which rests on each task
 * keeping to its share.
 */
class RateBudgetIT {

    private static final String CONNECTOR = "cinnox-budget";
    private static final int BUDGET = 120;
    private static final int TASKS = 4;

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = ConnectClusters.simulator(41, 40);
        connect = ConnectClusters.start("cinnox-budget", 3, Map.of());
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
    void neverExceedsTheBudgetAndDeliversTheHistory() throws Exception {
        Instant historyStart = ConnectClusters.hoursAgo(34);
        Instant cutoff = ConnectClusters.cutoff();
        ExpectedRecords expected = ExpectedRecords.of(sim, historyStart, cutoff);
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), sim.defaultAccount(), historyStart)
                .tasks(TASKS)
                .with("requests.per.minute", Integer.toString(BUDGET))
                .with("page.size", "10")
                .with("poll.interval.ms", "30000")
                .toMap();
        String account = sim.defaultAccount().serviceAccountId();
        Instant deployed = Instant.now();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "connector did not start");

        try (TopicContents topics = new TopicContents(connect.kafka().bootstrapServers(), false)) {
            topics.awaitUntil("every record up to the cutoff is in Kafka", Duration.ofSeconds(240),
                    expected::allIn, () -> expected.describeMissing(topics) + "; requests per minute "
                            + sim.requests().perMinute(account));
            Duration took = Duration.between(deployed, Instant.now());
            long requests = sim.requests().total();
            SortedMap<Instant, Integer> perMinute = sim.requests().perMinute(account);
            Map<Instant, Integer> full = fullMinutes(perMinute, deployed, Instant.now());
            double average = full.values().stream().mapToInt(Integer::intValue).average().orElse(0);
            int max = sim.requests().maxPerMinute(account);
            System.out.printf("RateBudgetIT: %d expected records delivered in %d s with %d requests; requests per "
                    + "minute %s; max %d, average over %d full minutes %.1f, budget %d%n", expected.total(),
                    took.toSeconds(), requests, perMinute, max, full.size(), average, BUDGET);

            assertTrue(requests > BUDGET, "the backfill needed more than one minute's budget: " + requests);
            assertTrue(max <= BUDGET, "at most " + BUDGET + " requests in any minute: " + perMinute);
            assertEquals(Map.of(), ExpectedRecords.repeatedImmutableKeys(topics), "immutable records written twice");
        }
    }

    /** The minutes that lie wholly between {@code from} and {@code to}. */
    private static Map<Instant, Integer> fullMinutes(SortedMap<Instant, Integer> perMinute, Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        return perMinute.subMap(first, end.isAfter(first) ? end : first);
    }
}
