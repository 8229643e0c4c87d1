package io.kafkaconnect.cinnox.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code startAt}/{@code endAt} pair of a windowed report query. The API treats both bounds as
 * given (the simulator: inclusive); callers dedupe on record ids.
 */
public record TimeWindow(Instant start, Instant end) {

    private static final Duration DAY = Duration.ofDays(1);

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before start " + start);
        }
    }

    public static TimeWindow of(Instant start, Instant end) {
        return new TimeWindow(start, end);
    }

    /** The {@code startAt} query value, RFC 3339 UTC with milliseconds. */
    public String startParam() {
        return ApiTimestamps.format(start);
    }

    /** The {@code endAt} query value, RFC 3339 UTC with milliseconds. */
    public String endParam() {
        return ApiTimestamps.format(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Length in whole days, rounded up (a window of 24h and 1ms counts as 2 days). */
    public long days() {
        Duration length = duration();
        long whole = length.toDays();
        return length.equals(DAY.multipliedBy(whole)) ? whole : whole + 1;
    }

    @Override
    public String toString() {
        return "[" + startParam() + ", " + endParam() + "]";
    }
}
