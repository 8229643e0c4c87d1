package io.kafkaconnect.cinnox.harness;

import java.nio.file.Path;

/**
 * Where one harness run keeps its files and which 127.0.0.1 ports it binds: everything derives from a
 * state folder and a port base (default 28000, away from the quickstart's 18000), so two runs on one
 * machine do not clash when they use different bases.
 *
 * @param dir          state folder of this run: config/, data/, logs/, pids/
 * @param kafkaLibs    folder of the Kafka jars (broker and worker classpath)
 * @param pluginPath   the workers' plugin.path: the plugin zip unzipped in a folder of its own under it
 * @param simulatorJar the runnable simulator jar
 * @param portsBase    simulator base+80, Connect REST base+83.., broker base+1092, controller base+1093, worker
 *                     JMX base+1111..
 * @param workers      how many Connect workers the run starts (1..9)
 * @param exactlyOnce  whether the workers run with exactly.once.source.support=enabled
 */
record ClusterLayout(Path dir, Path kafkaLibs, Path pluginPath, Path simulatorJar, int portsBase, int workers,
        boolean exactlyOnce) {

    static final String HOST = "127.0.0.1";

    ClusterLayout {
        if (workers < 1 || workers > 9) {
            throw new IllegalArgumentException("workers must be 1..9, got " + workers);
        }
        if (portsBase < 1024 || portsBase > 60000) {
            throw new IllegalArgumentException("the port base must be 1024..60000, got " + portsBase);
        }
    }

    ClusterLayout withWorkers(int count) {
        return new ClusterLayout(dir, kafkaLibs, pluginPath, simulatorJar, portsBase, count, exactlyOnce);
    }

    ClusterLayout withExactlyOnce(boolean enabled) {
        return new ClusterLayout(dir, kafkaLibs, pluginPath, simulatorJar, portsBase, workers, enabled);
    }

    ClusterLayout inDir(Path folder) {
        return new ClusterLayout(folder, kafkaLibs, pluginPath, simulatorJar, portsBase, workers, exactlyOnce);
    }

    int brokerPort() {
        return portsBase + 1092;
    }

    int controllerPort() {
        return portsBase + 1093;
    }

    int simulatorPort() {
        return portsBase + 80;
    }

    /** REST port of worker {@code n}, counted from 1. */
    int restPort(int n) {
        return portsBase + 83 + n - 1;
    }

    /** The JMX (RMI) port of worker {@code n}, counted from 1, bound to 127.0.0.1 without authentication. */
    int jmxPort(int n) {
        return portsBase + 1110 + n;
    }

    String restUrl(int n) {
        return "http://" + HOST + ":" + restPort(n);
    }

    /** The worker id Connect reports in task statuses: its advertised host and port. */
    String workerId(int n) {
        return HOST + ":" + restPort(n);
    }

    String bootstrap() {
        return HOST + ":" + brokerPort();
    }

    String simulatorUrl() {
        return "http://" + HOST + ":" + simulatorPort();
    }

    Path config() {
        return dir.resolve("config");
    }

    Path data() {
        return dir.resolve("data");
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path pids() {
        return dir.resolve("pids");
    }
}
