package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything the connector wrote to the {@code cinnox.*} topics, read by one consumer that keeps what it
 * saw, so a test can wait for a condition and then look at every record (keys and values decoded from
 * JsonConverter's output, with or without schemas). The consumer assigns itself every partition of the
 * topics as they appear, from the beginning, and has no group: a group rebalance would reset the positions
 * of partitions without committed offsets and read them twice.
 */
final class TopicContents implements AutoCloseable {

    static final String PREFIX = "cinnox.";
    static final String HEARTBEAT_TOPIC = PREFIX + "heartbeat";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One record as read: topic, key text (the record id), raw value JSON. */
    record Entry(String topic, String key, String value) {

        String report() {
            return topic.substring(PREFIX.length());
        }

        JsonNode payload() {
            return TopicContents.payload(value);
        }
    }

    private static final Duration TOPIC_REFRESH = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private Instant topicsListedAt = Instant.EPOCH;

    /**
     * @param readCommitted whether to read only committed transactions (isolation.level=read_committed)
     */
    TopicContents(String bootstrapServers, boolean readCommitted) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads what arrived during about {@code duration}. */
    void pollFor(Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            pollOnce(Duration.ofMillis(200));
        }
    }

    /**
     * Reads until {@code condition} holds, failing after {@code timeout} with {@code description} and
     * what {@code progress} says then.
     */
    void awaitUntil(String description, Duration timeout, Predicate<TopicContents> condition,
            Supplier<String> progress) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.test(this)) {
            if (Instant.now().isAfter(end)) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting until " + description + ": "
                        + progress.get() + "; counts " + countsByReport());
            }
            pollOnce(Duration.ofMillis(500));
        }
    }

    private void pollOnce(Duration timeout) {
        assignNewTopics();
        if (assigned.isEmpty()) {
            sleep(timeout);
            return;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            entries.add(new Entry(r.topic(), keyText(r.key()), r.value() == null ? null
                    : new String(r.value(), StandardCharsets.UTF_8)));
        }
    }

    private void assignNewTopics() {
        if (Instant.now().isBefore(topicsListedAt.plus(TOPIC_REFRESH))) {
            return;
        }
        topicsListedAt = Instant.now();
        Set<TopicPartition> all = new HashSet<>(assigned);
        consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, partitions) -> {
            if (topic.startsWith(PREFIX)) {
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the topics", e);
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The records of a report (not heartbeats), in the order read. */
    List<Entry> of(String report) {
        return entries.stream().filter(e -> e.topic().equals(PREFIX + report)).toList();
    }

    Set<String> keys(String report) {
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            if (e.topic().equals(PREFIX + report)) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    /** How often each key of the report was written. */
    Map<String, Integer> keyCounts(String report) {
        Map<String, Integer> counts = new HashMap<>();
        of(report).forEach(e -> counts.merge(e.key(), 1, Integer::sum));
        return counts;
    }

    /** Keys of the report written more than once, with how often. */
    Map<String, Integer> repeatedKeys(String report) {
        Map<String, Integer> repeated = new TreeMap<>(keyCounts(report));
        repeated.values().removeIf(count -> count < 2);
        return repeated;
    }

    /** Records of the reports written more than once with the same key and value; heartbeats left out. */
    List<Entry> duplicates() {
        Set<Entry> seen = new HashSet<>();
        List<Entry> duplicates = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.topic().equals(HEARTBEAT_TOPIC) && !seen.add(e)) {
                duplicates.add(e);
            }
        }
        return duplicates;
    }

    /** Records per report (heartbeats under "heartbeat"), sorted by report. */
    Map<String, Integer> countsByReport() {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.report(), 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** The key as text: JsonConverter writes a string key as a JSON string, or in an envelope with schemas. */
    static String keyText(byte[] key) {
        if (key == null) {
            return null;
        }
        JsonNode node = payload(new String(key, StandardCharsets.UTF_8));
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** The record's value or key without JsonConverter's schema envelope, if there is one. */
    static JsonNode payload(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node.isObject() && node.has("schema") && node.has("payload") && node.size() == 2) {
                return node.get("payload");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
