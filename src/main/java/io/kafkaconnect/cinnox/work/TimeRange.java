package io.kafkaconnect.cinnox.work;

import io.kafkaconnect.cinnox.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The half-open span of time {@code [start, end)} a unit's main pass reads: its chunk, cut at the
 * configured history start.
 *
 * @param start first instant to read
 * @param end first instant not to read, not before {@code start}; {@code start == end} is an empty range
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Range end " + end + " is before its start " + start);
        }
    }

    /**
     * The range of a chunked unit: {@code [max(chunk start, history start), chunk end)}, empty when the
     * history starts after the chunk. DAILY reports start at the UTC midnight of the history start, so
     * their windows are whole days.
     *
     * @throws IllegalArgumentException for a snapshot unit, which has no chunk
     */
    public static TimeRange of(WorkUnit unit, Instant historyStart) {
        if (unit.chunk() == null) {
            throw new IllegalArgumentException("Snapshot unit " + unit + " has no time range");
        }
        Instant from = unit.report().kind() == Report.Kind.DAILY
                ? historyStart.truncatedTo(ChronoUnit.DAYS) : historyStart;
        Chunk chunk = unit.chunk();
        Instant start = from.isAfter(chunk.start()) ? from : chunk.start();
        return new TimeRange(start.isAfter(chunk.end()) ? chunk.end() : start, chunk.end());
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
