package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * A task's configuration: the connector's settings plus the units of work the connector gave this task,
 * the task's share of the request budget and the history start every task must agree on.
 */
public final class CinnoxTaskConfig {

    public static final String UNITS_CONFIG = "task.units";
    public static final String REQUESTS_PER_MINUTE_CONFIG = "task.requests.per.minute";
    public static final String HISTORY_START_CONFIG = "task.history.start.ms";
    public static final String RECEIVER_CONFIG = "task.webhook.receiver";

    private final CinnoxSourceConfig connector;
    private final List<WorkUnit> units;
    private final double requestsPerMinute;
    private final Instant historyStart;
    private final boolean receiver;

    private CinnoxTaskConfig(CinnoxSourceConfig connector, List<WorkUnit> units, double requestsPerMinute,
            Instant historyStart, boolean receiver) {
        this.connector = connector;
        this.units = List.copyOf(units);
        this.requestsPerMinute = requestsPerMinute;
        this.historyStart = historyStart;
        this.receiver = receiver;
    }

    /** The properties of one task: the connector's own plus this task's units, share and history start. */
    public static Map<String, String> taskProps(Map<String, String> connectorProps, List<WorkUnit> units,
            double requestsPerMinute, Instant historyStart) {
        return taskProps(connectorProps, units, requestsPerMinute, historyStart, false);
    }

    /** As above; {@code receiver} true makes this the one task that hosts the enquiry event receiver. */
    public static Map<String, String> taskProps(Map<String, String> connectorProps, List<WorkUnit> units,
            double requestsPerMinute, Instant historyStart, boolean receiver) {
        Map<String, String> props = new HashMap<>(connectorProps);
        props.put(RECEIVER_CONFIG, Boolean.toString(receiver));
        props.put(UNITS_CONFIG, WorkUnit.encodeAll(units));
        props.put(REQUESTS_PER_MINUTE_CONFIG, Double.toString(requestsPerMinute));
        props.put(HISTORY_START_CONFIG, Long.toString(historyStart.toEpochMilli()));
        return props;
    }

    /** @throws ConfigException when the connector's settings or the task's own keys are invalid */
    public static CinnoxTaskConfig parse(Map<String, String> props) {
        CinnoxSourceConfig connector = new CinnoxSourceConfig(props);
        try {
            List<WorkUnit> units = WorkUnit.decodeAll(required(props, UNITS_CONFIG));
            double share = Double.parseDouble(required(props, REQUESTS_PER_MINUTE_CONFIG));
            if (!(share >= 0)) {
                throw new ConfigException(REQUESTS_PER_MINUTE_CONFIG, share, "must not be negative");
            }
            Instant historyStart = Instant.ofEpochMilli(Long.parseLong(required(props, HISTORY_START_CONFIG)));
            boolean receiver = Boolean.parseBoolean(props.getOrDefault(RECEIVER_CONFIG, "false"));
            return new CinnoxTaskConfig(connector, units, share, historyStart, receiver);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid task configuration (written by the connector, not by users): "
                    + e.getMessage());
        }
    }

    private static String required(Map<String, String> props, String key) {
        String value = props.get(key);
        if (value == null) {
            throw new ConfigException(key, null, "missing from the task configuration");
        }
        return value;
    }

    public CinnoxSourceConfig connector() {
        return connector;
    }

    public List<WorkUnit> units() {
        return units;
    }

    public double requestsPerMinute() {
        return requestsPerMinute;
    }

    public Instant historyStart() {
        return historyStart;
    }

    /** True for the one task that hosts the enquiry event receiver. */
    public boolean receiver() {
        return receiver;
    }
}
