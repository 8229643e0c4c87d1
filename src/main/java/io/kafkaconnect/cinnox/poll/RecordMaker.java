package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.RecordTimestamp;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns converted API records and heartbeats into Connect source records: topic, key, value, headers
 * and the Kafka timestamp (read time unless the user asked for event time).
 */
public final class RecordMaker {

    public static final String REPORT_HEADER = "cinnox.report";
    static final String APP_HEADER = "cinnox.app";
    static final String EVENT_TIME_HEADER = "cinnox.event.time";
    /** The report a budget state's heartbeat names (see {@link #budgetState}). */
    public static final String BUDGET_REPORT = "cinnox.budget";

    static final Schema HEARTBEAT_SCHEMA = SchemaBuilder.struct()
            .name("io.kafkaconnect.cinnox.Heartbeat")
            .version(1)
            .doc("Written when a unit of work moved on without records, so its position survives a restart.")
            .field("app", SchemaBuilder.string().doc("The CINNOX App ID.").build())
            .field("report", SchemaBuilder.string().doc("The report of the unit of work.").build())
            .field("chunk", SchemaBuilder.string().optional()
                    .doc("Start of the unit's time chunk (RFC 3339); null for snapshot reports.").build())
            .field("at", Timestamp.builder().doc("When the heartbeat was written.").build())
            .build();

    private final CinnoxSourceConfig config;
    private final Clock clock;
    private final ConversionIssues issues;
    private final TaskStats stats;
    private final boolean eventTimestamps;
    private final Map<Report, String> topics = new EnumMap<>(Report.class);
    private final Map<WorkUnit, Map<String, Object>> partitions = new ConcurrentHashMap<>();

    public RecordMaker(CinnoxSourceConfig config, Clock clock, ConversionIssues issues, TaskStats stats) {
        this.config = config;
        this.clock = clock;
        this.issues = issues;
        this.stats = stats;
        this.eventTimestamps = config.recordTimestamp() == RecordTimestamp.EVENT;
        for (Report report : Report.values()) {
            topics.put(report, config.topicFor(report));
        }
    }

    /** A converted record waiting for its offset; it becomes a {@link SourceRecord} once, with the offset it carries. */
    record Converted(Map<String, Object> partition, String topic, String key, Schema schema, Struct value,
            long timestamp, ConnectHeaders headers) {

        SourceRecord withOffset(Map<String, ?> offset) {
            return withOffset(partition, offset);
        }

        /** The record carrying another partition of its unit (a ledger bucket's) and that partition's offset. */
        SourceRecord withOffset(Map<String, ?> otherPartition, Map<String, ?> offset) {
            return new SourceRecord(otherPartition, offset, topic, null, Schema.STRING_SCHEMA, key, schema, value,
                    timestamp, headers);
        }
    }

    /**
     * Converts one record of {@code format}'s report, or empty when the API record has no key (it is counted
     * and skipped: without a key it cannot be deduplicated or compacted).
     */
    <T> Optional<Converted> convert(WorkUnit unit, ReportFormat<T> format, T model) {
        String key;
        Struct value;
        try {
            key = format.key(model);
            value = format.toStruct(model, issues);
        } catch (MissingRecordKeyException e) {
            stats.recordWithoutKey();
            return Optional.empty();
        }
        Optional<Instant> eventTime = format.eventTime(model);
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(REPORT_HEADER, format.report().apiName());
        headers.addString(APP_HEADER, unit.appId());
        eventTime.ifPresent(t -> headers.addString(EVENT_TIME_HEADER, t.toString()));
        long timestamp = eventTimestamps && eventTime.isPresent()
                ? eventTime.get().toEpochMilli()
                : clock.millis();
        stats.recordsEmitted(format.report(), 1);
        return Optional.of(new Converted(partition(unit), topics.get(format.report()), key, format.schema(), value,
                timestamp, headers));
    }

    /** A heartbeat that carries {@code offset} for {@code unit} to the heartbeat topic. */
    SourceRecord heartbeat(WorkUnit unit, Map<String, ?> offset) {
        return heartbeat(unit, partition(unit), offset);
    }

    /** A heartbeat that carries {@code offset} for another partition of {@code unit} (a ledger bucket). */
    SourceRecord heartbeat(WorkUnit unit, Map<String, ?> partition, Map<String, ?> offset) {
        stats.heartbeat();
        Instant now = clock.instant();
        Struct value = new Struct(HEARTBEAT_SCHEMA)
                .put("app", unit.appId())
                .put("report", unit.report().apiName())
                .put("chunk", unit.chunk() == null ? null : unit.chunk().text())
                .put("at", java.util.Date.from(now));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(REPORT_HEADER, unit.report().apiName());
        headers.addString(APP_HEADER, unit.appId());
        return new SourceRecord(partition, offset, config.heartbeatTopic(), null,
                Schema.STRING_SCHEMA, unit.toString(), HEARTBEAT_SCHEMA, value, now.toEpochMilli(), headers);
    }

    /**
     * A record that carries a task's budget state (the offset of its budget partition) to the heartbeat
     * topic; its value is a heartbeat of the report "cinnox.budget".
     */
    public SourceRecord budgetState(Map<String, ?> partition, Map<String, ?> offset, String key) {
        Instant now = clock.instant();
        Struct value = new Struct(HEARTBEAT_SCHEMA)
                .put("app", config.appId())
                .put("report", BUDGET_REPORT)
                .put("chunk", null)
                .put("at", java.util.Date.from(now));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(REPORT_HEADER, BUDGET_REPORT);
        headers.addString(APP_HEADER, config.appId());
        return new SourceRecord(partition, offset, config.heartbeatTopic(), null,
                Schema.STRING_SCHEMA, key, HEARTBEAT_SCHEMA, value, now.toEpochMilli(), headers);
    }

    /** The unit's source partition, built once: every record of the unit carries the same map. */
    Map<String, Object> partition(WorkUnit unit) {
        return partitions.computeIfAbsent(unit, WorkUnit::toPartition);
    }
}
