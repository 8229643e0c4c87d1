package io.kafkaconnect.cinnox.work;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A slice of time on a fixed UTC grid counted from the epoch, so the same instant always falls in the
 * same chunk whatever {@code history.start} says; a chunk is the time part of a unit of work.
 *
 * @param start the first instant of the chunk, a whole multiple of {@code length} after the epoch
 * @param length the grid step, whole milliseconds, positive
 */
public record Chunk(Instant start, Duration length) {

    public Chunk {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        long lengthMs = requireValidLength(length);
        if (Math.floorMod(start.toEpochMilli(), lengthMs) != 0 || start.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("Chunk start " + start + " is not on the " + length
                    + " grid counted from 1970-01-01T00:00:00Z; the chunk containing it starts at "
                    + containing(start, length).start());
        }
    }

    /** The chunk of the grid with step {@code length} that contains {@code instant}. */
    public static Chunk containing(Instant instant, Duration length) {
        long lengthMs = requireValidLength(length);
        long startMs = Math.floorDiv(instant.toEpochMilli(), lengthMs) * lengthMs;
        return new Chunk(Instant.ofEpochMilli(startMs), length);
    }

    /**
     * All chunks intersecting the half-open range {@code [from, to)}, oldest first; empty when
     * {@code to} is not after {@code from}.
     */
    public static List<Chunk> covering(Instant from, Instant to, Duration length) {
        List<Chunk> chunks = new ArrayList<>();
        if (!to.isAfter(from)) {
            return chunks;
        }
        for (Chunk chunk = containing(from, length); chunk.start().isBefore(to); chunk = chunk.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /**
     * Reads the text form written by {@link #text()}.
     *
     * @throws IllegalArgumentException when the text is no instant or not on the grid of {@code length}
     */
    public static Chunk parse(String text, Duration length) {
        try {
            return new Chunk(Instant.parse(text), length);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Chunk '" + text
                    + "' is not an ISO-8601 UTC instant such as 2026-01-01T00:00:00Z", e);
        }
    }

    /** The first instant after the chunk (exclusive end). */
    public Instant end() {
        return start.plus(length);
    }

    public Chunk next() {
        return new Chunk(end(), length);
    }

    /** Whether {@code instant} lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }

    /** The form used in source partitions, for example {@code 2026-01-01T00:00:00Z}. */
    public String text() {
        return start.toString();
    }

    /** A short label for logs: the UTC date when the chunk starts at midnight, else {@link #text()}. */
    public String label() {
        boolean midnight = Math.floorMod(start.toEpochMilli(), Duration.ofDays(1).toMillis()) == 0;
        return midnight ? start.atOffset(ZoneOffset.UTC).toLocalDate().toString() : text();
    }

    @Override
    public String toString() {
        return label() + "/" + length;
    }

    private static long requireValidLength(Duration length) {
        if (length.isNegative() || length.isZero() || length.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("Chunk length must be a positive whole number of milliseconds, got "
                    + length);
        }
        return length.toMillis();
    }
}
