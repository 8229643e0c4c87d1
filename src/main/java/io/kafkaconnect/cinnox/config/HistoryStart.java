package io.kafkaconnect.cinnox.config;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed {@code history.start}: a fixed instant, or an amount of time before the connector's first
 * start (a period of days, weeks, months or years, or a duration of hours, minutes and seconds).
 */
final class HistoryStart {

    static final String FORMS = "an RFC 3339 instant such as 2025-01-01T00:00:00Z, or an ISO-8601 period or "
            + "duration such as P30D, P6M or PT12H";

    private final Instant fixed;
    private final Period period;
    private final Duration duration;

    private HistoryStart(Instant fixed, Period period, Duration duration) {
        this.fixed = fixed;
        this.period = period;
        this.duration = duration;
    }

    /**
     * Parses the setting's text.
     *
     * @throws IllegalArgumentException with a message saying which forms are accepted
     */
    static HistoryStart parse(String text) {
        String value = text.trim();
        Optional<HistoryStart> parsed = value.toUpperCase(Locale.ROOT).startsWith("P")
                ? relative(value) : instant(value);
        HistoryStart start = parsed.orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is neither " + FORMS));
        if (start.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; write how far back to start as a "
                    + "positive amount, such as P30D");
        }
        return start;
    }

    /** The instant the history starts at, resolving a relative value against {@code firstStart}. */
    Instant resolve(Instant firstStart) {
        if (fixed != null) {
            return fixed;
        }
        if (duration != null) {
            return firstStart.minus(duration);
        }
        return firstStart.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** True for a period or duration, false for a fixed instant. */
    boolean isRelative() {
        return fixed == null;
    }

    private boolean isNegative() {
        return (duration != null && duration.isNegative()) || (period != null && period.isNegative());
    }

    private static Optional<HistoryStart> instant(String value) {
        try {
            Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return Optional.of(new HistoryStart(instant, null, null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<HistoryStart> relative(String value) {
        try {
            return Optional.of(new HistoryStart(null, null, Duration.parse(value)));
        } catch (DateTimeParseException notADuration) {
            try {
                return Optional.of(new HistoryStart(null, Period.parse(value), null));
            } catch (DateTimeParseException notAPeriod) {
                return Optional.empty();
            }
        }
    }
}
