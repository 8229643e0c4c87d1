package io.kafkaconnect.cinnox.source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The offsets a worker would have stored, kept across task restarts. Offsets pass a JSON round trip on
 * the way out, as through Connect's offsets topic, so ints come back as longs.
 */
final class InMemoryOffsets implements OffsetStorageReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);

    private final Map<String, Map<String, ?>> stored = new HashMap<>();

    /** Stores the offsets of a returned batch as an exactly-once worker does: the last one per partition. */
    void commit(List<SourceRecord> records) {
        if (records == null) {
            return;
        }
        for (SourceRecord record : records) {
            stored.put(key(record.sourcePartition()), record.sourceOffset());
        }
    }

    /** Stores an offset directly, as the offsets REST API would. */
    void put(Map<String, ?> partition, Map<String, ?> offset) {
        stored.put(key(partition), offset);
    }

    int size() {
        return stored.size();
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        Map<String, ?> offset = stored.get(key(partition));
        return offset == null ? null : roundTrip(offset);
    }

    /** As Connect's reader does: every partition asked for is in the answer, with null when nothing is stored. */
    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            result.put(partition, offset(partition));
        }
        return result;
    }

    SourceTaskContext context(Map<String, String> configs) {
        return context(configs, null);
    }

    /** A task context with these offsets and plugin metrics (null for none, as older workers give). */
    SourceTaskContext context(Map<String, String> configs, PluginMetrics metrics) {
        OffsetStorageReader reader = this;
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics;
            }
        };
    }

    org.apache.kafka.connect.source.SourceConnectorContext connectorContext() {
        OffsetStorageReader reader = this;
        return new org.apache.kafka.connect.source.SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public void requestTaskReconfiguration() {
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }

    private static String key(Map<String, ?> partition) {
        try {
            return JSON.writeValueAsString(partition); // in its own key order, as Connect serializes it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> roundTrip(Map<String, ?> offset) {
        try {
            return JSON.readValue(JSON.writeValueAsString(offset), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
