package io.kafkaconnect.cinnox.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which instant becomes a record's Kafka timestamp. The broker applies {@code retention.ms} to this
 * timestamp, so event time can make it delete old records as soon as they are written.
 */
public enum RecordTimestamp {
    /** The moment the connector read the record from CINNOX. */
    READ,
    /** The record's own event time (creation time, call date, campaign date). */
    EVENT;

    /** The word users write in {@code record.timestamp}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value, ignoring case; throws {@link IllegalArgumentException} for other words. */
    public static RecordTimestamp of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(RecordTimestamp::configName).collect(Collectors.toList());
    }
}
