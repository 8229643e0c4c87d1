package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the broker, worker and logging configuration of a run, as bin/quickstart does: one KRaft node on
 * 127.0.0.1, workers in distributed mode with the plugin on plugin.path (service loader discovery), tasks
 * of a dead worker moved after 10 s instead of Kafka's default 5 minutes, and the file config provider, so
 * that connector configurations can name their secrets as {@code ${file:<path>:<key>}}.
 */
final class KafkaConfigs {

    static final String GROUP = "cinnox-harness";

    private KafkaConfigs() {
    }

    static void writeAll(ClusterLayout layout) {
        write(layout.config().resolve("log4j2.properties"), log4j());
        write(layout.config().resolve("server.properties"), server(layout));
        for (int n = 1; n <= layout.workers(); n++) {
            write(layout.config().resolve("worker-" + n + ".properties"), worker(layout, n));
        }
    }

    static Path serverProperties(ClusterLayout layout) {
        return layout.config().resolve("server.properties");
    }

    static Path workerProperties(ClusterLayout layout, int n) {
        return layout.config().resolve("worker-" + n + ".properties");
    }

    static Path log4j(ClusterLayout layout) {
        return layout.config().resolve("log4j2.properties");
    }

    /**
     * A worker's JMX connector on 127.0.0.1 without authentication (RMI registry and server on one port), so
     * the harness can read every MBean the worker registers.
     */
    static List<String> workerJvmFlags(ClusterLayout layout, int n) {
        String port = Integer.toString(layout.jmxPort(n));
        return List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=" + ClusterLayout.HOST,
                "-Djava.rmi.server.hostname=" + ClusterLayout.HOST,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
    }

    private static List<String> log4j() {
        return List.of("status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.reflections.name = org.reflections",
                "logger.reflections.level = error");
    }

    private static List<String> server(ClusterLayout l) {
        String host = ClusterLayout.HOST;
        return List.of("process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + host + ":" + l.controllerPort(),
                "listeners=PLAINTEXT://" + l.bootstrap() + ",CONTROLLER://" + host + ":" + l.controllerPort(),
                "advertised.listeners=PLAINTEXT://" + l.bootstrap() + ",CONTROLLER://" + host + ":"
                        + l.controllerPort(),
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + l.data().resolve("kraft"),
                "num.partitions=1",
                "num.network.threads=2",
                "num.io.threads=4",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true");
    }

    private static List<String> worker(ClusterLayout l, int n) {
        int port = l.restPort(n);
        return List.of("bootstrap.servers=" + l.bootstrap(),
                "group.id=" + GROUP,
                "config.storage.topic=" + GROUP + "-configs",
                "config.storage.replication.factor=1",
                "offset.storage.topic=" + GROUP + "-offsets",
                "offset.storage.replication.factor=1",
                "offset.storage.partitions=5",
                "status.storage.topic=" + GROUP + "-status",
                "status.storage.replication.factor=1",
                "status.storage.partitions=1",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable=false",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false",
                "plugin.path=" + l.pluginPath(),
                "plugin.discovery=service_load",
                "listeners=http://" + ClusterLayout.HOST + ":" + port,
                "rest.advertised.host.name=" + ClusterLayout.HOST,
                "rest.advertised.port=" + port,
                "rest.advertised.listener=http",
                "scheduled.rebalance.max.delay.ms=10000",
                "exactly.once.source.support=" + (l.exactlyOnce() ? "enabled" : "disabled"),
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "offset.flush.interval.ms=10000");
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
