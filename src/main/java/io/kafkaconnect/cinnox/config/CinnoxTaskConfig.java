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
    public static final String INDEX_CONFIG = "task.index";
    public static final String COUNT_CONFIG = "task.count";
    public static final String GENERATION_CONFIG = "task.generation";
    public static final String TARGET_CONFIG = "task.requests.per.minute.target";

    /** Where a task stands among the tasks of one generation of task configurations, for lending budget. */
    public record Place(int index, int count, String generation) {
        /** The place of a task configured before tasks knew their place: it takes no part in lending. */
        public static final Place UNKNOWN = new Place(-1, 0, "");

        public boolean known() {
            return index >= 0 && index < count && !generation.isEmpty();
        }
    }

    private final CinnoxSourceConfig connector;
    private final List<WorkUnit> units;
    private final double requestsPerMinute;
    private final Instant historyStart;
    private final boolean receiver;
    private final Place place;
    private final double target;

    private CinnoxTaskConfig(CinnoxSourceConfig connector, List<WorkUnit> units, double requestsPerMinute,
            Instant historyStart, boolean receiver, Place place, double target) {
        this.connector = connector;
        this.units = List.copyOf(units);
        this.requestsPerMinute = requestsPerMinute;
        this.historyStart = historyStart;
        this.receiver = receiver;
        this.place = place;
        this.target = Math.max(requestsPerMinute, target);
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

    /** The task properties with the task's place among the tasks of its generation. */
    public static Map<String, String> withPlace(Map<String, String> taskProps, Place place) {
        Map<String, String> props = new HashMap<>(taskProps);
        props.put(INDEX_CONFIG, Integer.toString(place.index()));
        props.put(COUNT_CONFIG, Integer.toString(place.count()));
        props.put(GENERATION_CONFIG, place.generation());
        return props;
    }

    /** The task properties with the share the task may grow to once the previous generation has gone. */
    public static Map<String, String> withTarget(Map<String, String> taskProps, double target) {
        Map<String, String> props = new HashMap<>(taskProps);
        props.put(TARGET_CONFIG, Double.toString(target));
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
            double target = Double.parseDouble(props.getOrDefault(TARGET_CONFIG, Double.toString(share)));
            return new CinnoxTaskConfig(connector, units, share, historyStart, receiver, place(props), target);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid task configuration (written by the connector, not by users): "
                    + e.getMessage());
        }
    }

    private static Place place(Map<String, String> props) {
        String index = props.get(INDEX_CONFIG);
        String count = props.get(COUNT_CONFIG);
        String generation = props.get(GENERATION_CONFIG);
        if (index == null || count == null || generation == null) {
            return Place.UNKNOWN;
        }
        return new Place(Integer.parseInt(index), Integer.parseInt(count), generation);
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

    /** The share this task may grow to once every task of its generation has started; at least its share. */
    public double targetRequestsPerMinute() {
        return target;
    }

    public Instant historyStart() {
        return historyStart;
    }

    /** The task's index, the task count and the generation of its configuration; UNKNOWN in older configs. */
    public Place place() {
        return place;
    }

    /** True for the one task that hosts the enquiry event receiver. */
    public boolean receiver() {
        return receiver;
    }
}
