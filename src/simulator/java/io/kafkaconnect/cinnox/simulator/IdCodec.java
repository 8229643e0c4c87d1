package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers that look like CINNOX's (ObjectIds, UUIDs, case numbers) but carry the generation day and index, so that a
 * lookup by id regenerates exactly one day instead of searching the whole history.
 */
final class IdCodec {

    /** Where a generated record lives: its UTC epoch day and its index among that day's records of one kind. */
    record Slot(long epochDay, int index) {
    }

    private static final Pattern UUID = Pattern.compile("(?:[a-z]+-)?[0-9a-f]{8}-([0-9a-f]{4})-([0-9a-f]{4})-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CASE = Pattern.compile("E(\\d{6})-(\\d{5})");
    private static final Pattern HISTORY = Pattern.compile("cmp-hist-([0-9a-f]{4})([0-9a-f]{4})[0-9a-f]{2}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private IdCodec() {
    }

    /** 24 hex digits whose first 8 are the epoch seconds, like a MongoDB ObjectId. */
    static String objectId(Instant at, Rng rng) {
        return Rng.hex(at.getEpochSecond(), 8) + rng.hex(16);
    }

    static String uuid(String prefix, Slot slot, Rng rng) {
        return prefix + rng.hex(8) + "-" + Rng.hex(slot.epochDay(), 4) + "-" + Rng.hex(slot.index(), 4) + "-"
                + rng.hex(4) + "-" + rng.hex(12);
    }

    static String caseNumber(Slot slot) {
        return "E" + LocalDate.ofEpochDay(slot.epochDay()).format(YYMMDD) + "-" + String.format("%05d", slot.index() + 1);
    }

    static String historyId(Slot slot, Rng rng) {
        return "cmp-hist-" + Rng.hex(slot.epochDay(), 4) + Rng.hex(slot.index(), 4) + rng.hex(2);
    }

    static Optional<Slot> decodeUuid(String id) {
        Matcher m = UUID.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new Slot(Long.parseLong(m.group(1), 16), Integer.parseInt(m.group(2), 16)))
                : Optional.empty();
    }

    static Optional<Slot> decodeCaseNumber(String id) {
        Matcher m = CASE.matcher(id == null ? "" : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long day = LocalDate.parse(m.group(1), YYMMDD).toEpochDay();
            int index = Integer.parseInt(m.group(2)) - 1;
            return index < 0 ? Optional.empty() : Optional.of(new Slot(day, index));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Slot> decodeHistoryId(String id) {
        Matcher m = HISTORY.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new Slot(Long.parseLong(m.group(1), 16), Integer.parseInt(m.group(2), 16)))
                : Optional.empty();
    }
}
