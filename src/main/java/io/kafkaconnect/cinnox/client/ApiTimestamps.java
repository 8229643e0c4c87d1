package io.kafkaconnect.cinnox.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads and writes the RFC 3339 timestamps of the API. Parsing is lenient (0-9 fraction digits,
 * {@code Z} or numeric offsets, {@code T} or space) because record timestamps are kept as raw strings
 * and must never fail a page; formatting is strict UTC with milliseconds, as the API documents.
 */
public final class ApiTimestamps {

    private static final int MAX_LENGTH = 64;

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTimestamps() {
    }

    /**
     * Parses an RFC 3339 timestamp; returns empty for null, blank, garbage or a value without offset.
     * Never throws.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip(), LENIENT).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Formats as the API expects in queries: UTC, millisecond precision, e.g. 2023-11-07T00:00:00.000Z. */
    public static String format(Instant instant) {
        return WIRE.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
