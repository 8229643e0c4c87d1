package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every connector topic ({@code <prefix><report>}, heartbeats left out) from the beginning on a thread
 * of its own, without a consumer group, and keeps each key's versions in the order written, so a scenario
 * can follow the progress while it disrupts the cluster and compare everything with the ground truth at the
 * end. With {@code readCommitted} it sees only committed transactions, as exactly-once consumers do.
 */
final class TopicReader implements AutoCloseable {

    private final String prefix;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final boolean trackKeys;
    private final Map<String, Map<String, List<String>>> seen = new HashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long records;
    private long lastListed;

    /** @param trackKeys whether to keep every key and version (false: counts per report only, for big runs) */
    TopicReader(String bootstrap, String prefix, boolean readCommitted, boolean trackKeys) {
        this.prefix = prefix;
        this.trackKeys = trackKeys;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "harness-topic-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            try {
                assignNewTopics();
                if (assigned.isEmpty()) {
                    Pause.millis(500);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    add(r);
                }
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (RuntimeException e) {
                // the broker may be down on purpose (outage scenario): try again
                Pause.millis(1000);
            }
        }
    }

    private void assignNewTopics() {
        if (System.currentTimeMillis() - lastListed < 2000) {
            return;
        }
        lastListed = System.currentTimeMillis();
        Set<TopicPartition> all = new HashSet<>(assigned);
        consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, partitions) -> {
            if (topic.startsWith(prefix) && !topic.equals(prefix + "heartbeat")) {
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
        });
        if (all.size() > assigned.size()) {
            Set<TopicPartition> added = new HashSet<>(all);
            added.removeAll(assigned);
            consumer.assign(all);
            consumer.seekToBeginning(added);
            assigned.addAll(added);
        }
    }

    private void add(ConsumerRecord<byte[], byte[]> r) {
        String report = r.topic().substring(prefix.length());
        if (!trackKeys) {
            synchronized (this) {
                counts.merge(report, 1, Integer::sum);
                records++;
            }
            return;
        }
        String key = keyText(r.key());
        String version = "";
        if (RecordVersion.versioned(report) && r.value() != null) {
            version = RecordVersion.ofApiRow(report, payload(new String(r.value(), StandardCharsets.UTF_8)));
        }
        synchronized (this) {
            seen.computeIfAbsent(report, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>(1))
                    .add(version);
            counts.merge(report, 1, Integer::sum);
            records++;
        }
    }

    synchronized long records() {
        return records;
    }

    /** Records read per report. */
    synchronized Map<String, Integer> countsByReport() {
        return new TreeMap<>(counts);
    }

    synchronized int countPresent(String report, Collection<String> keys) {
        Map<String, List<String>> got = seen.getOrDefault(report, Map.of());
        int n = 0;
        for (String k : keys) {
            if (got.containsKey(k)) {
                n++;
            }
        }
        return n;
    }

    /** A copy of report to key to versions in the order read. */
    synchronized Map<String, Map<String, List<String>>> snapshot() {
        Map<String, Map<String, List<String>>> copy = new TreeMap<>();
        seen.forEach((report, keys) -> {
            Map<String, List<String>> k = new HashMap<>();
            keys.forEach((key, versions) -> k.put(key, List.copyOf(versions)));
            copy.put(report, k);
        });
        return copy;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    static String keyText(byte[] key) {
        if (key == null) {
            return null;
        }
        JsonNode node = payload(new String(key, StandardCharsets.UTF_8));
        return node.isTextual() ? node.asText() : node.toString();
    }

    static JsonNode payload(String json) {
        JsonNode node = ConnectRest.parse(json);
        if (node.isObject() && node.has("schema") && node.has("payload") && node.size() == 2) {
            return node.get("payload");
        }
        return node;
    }
}
