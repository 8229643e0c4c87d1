package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.simulator.SimAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The connector configuration the integration tests deploy through the REST API, tuned to finish in
 * real time against a live simulator: one-day chunks, a short settle delay and poll interval, frequent
 * sweeps and heartbeats, JsonConverter keys and values. Each test overrides what it is about.
 */
final class ConnectorProps {

    private final Map<String, String> props = new LinkedHashMap<>();

    private ConnectorProps(String baseUrl, SimAccount account, Instant historyStart) {
        props.put("connector.class", CinnoxSourceConnector.class.getName());
        props.put("tasks.max", "1");
        props.put(CinnoxSourceConfig.BASE_URL_CONFIG, baseUrl);
        props.put(CinnoxSourceConfig.APP_ID_CONFIG, account.appId());
        props.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, account.token());
        props.put("history.start", historyStart.toString());
        props.put("backfill.chunk.days", "1");
        props.put("window.settle.ms", Long.toString(Duration.ofSeconds(30).toMillis()));
        props.put("poll.interval.ms", "5000");
        props.put("lookback.ms", Long.toString(Duration.ofHours(2).toMillis()));
        props.put("lookback.sweep.interval.ms", "20000");
        props.put("heartbeat.interval.ms", "10000");
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "1");
        props.put("key.converter", JsonConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        schemas(true);
    }

    static ConnectorProps of(String baseUrl, SimAccount account, Instant historyStart) {
        return new ConnectorProps(baseUrl, account, historyStart);
    }

    /** Whether JsonConverter writes keys and values in a schema envelope. */
    ConnectorProps schemas(boolean enabled) {
        props.put("key.converter.schemas.enable", Boolean.toString(enabled));
        props.put("value.converter.schemas.enable", Boolean.toString(enabled));
        return this;
    }

    ConnectorProps with(String key, String value) {
        props.put(key, value);
        return this;
    }

    ConnectorProps tasks(int max) {
        return with("tasks.max", Integer.toString(max));
    }

    Map<String, String> toMap() {
        return new LinkedHashMap<>(props);
    }
}
