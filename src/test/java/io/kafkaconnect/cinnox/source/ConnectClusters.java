package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Starts what the integration tests run against: a live-clock simulator with a small volume and an
 * in-JVM Kafka cluster (one KRaft broker) with Connect workers. Dead workers' tasks move after 10 s,
 * not Kafka's default 5 minutes.
 */
final class ConnectClusters {

    static final Duration CONNECTOR_START = Duration.ofSeconds(60);

    private ConnectClusters() {
    }

    static CinnoxSimulator simulator(long seed, int perDay) {
        return CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(seed).historyDays(4).volume(Volume.perDay(perDay)).liveClock().port(0).build());
    }

    static EmbeddedConnectCluster start(String name, int workers, Map<String, String> extraWorkerProps) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("scheduled.rebalance.max.delay.ms", "10000");
        workerProps.put("offset.flush.interval.ms", "2000");
        workerProps.putAll(extraWorkerProps);
        Properties brokerProps = new Properties();
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        brokerProps.put("group.initial.rebalance.delay.ms", "0");
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(workerProps)
                .brokerProps(brokerProps)
                .build();
        cluster.start();
        return cluster;
    }

    /** {@code hours} back from now, on a whole minute, as history.start takes it. */
    static Instant hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * The end of the history the tests check: records before it were visible and settled when the
     * connector started (calls become visible up to about 22 minutes after their call date).
     */
    static Instant cutoff() {
        return Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
    }
}
