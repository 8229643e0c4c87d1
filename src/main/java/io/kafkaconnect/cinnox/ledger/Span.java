package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of event time {@code [start, end)} that a re-scan reads.
 *
 * @param start first instant
 * @param end first instant after the span, not before {@code start}
 */
public record Span(Instant start, Instant end) {

    public Span {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Span end " + end + " is before its start " + start);
        }
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    /** The part of this span inside {@code other}; empty (at the later start) when they do not overlap. */
    public Span within(Span other) {
        Instant from = start.isAfter(other.start) ? start : other.start;
        Instant to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? new Span(from, to) : new Span(from, from);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
