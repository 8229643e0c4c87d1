package io.kafkaconnect.cinnox.ledger;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The source offset of a bucket, version 1: {@code {"v": 1, "final": "<base64>", "open": "<base64>",
 * "pending": "chat:e1,call:c2", "childOffset": 0}}. Each base64 text packs 12 bytes an entry (64-bit key
 * hash, 32-bit version hash, big-endian, keys ascending), so 1,000 rows take 16,000 characters. Numbers are
 * read through {@link Number}; missing keys take an empty state's values; unknown keys are rejected.
 * Child work asked again later adds {@code "late": "call%3Ac1|0|0|2|1767226000000|1767240000000,..."}
 * (see {@link LateChild#encode()}, the child URL-encoded), written only when some waits, so offsets without
 * it keep the form older versions read.
 */
final class LedgerCodec {

    static final int VERSION = 1;
    static final String V = "v";
    static final String FINAL = "final";
    static final String OPEN = "open";
    static final String PENDING = "pending";
    static final String CHILD_OFFSET = "childOffset";
    static final String LATE = "late";
    private static final Set<String> KEYS = Set.of(V, FINAL, OPEN, PENDING, CHILD_OFFSET, LATE);

    private LedgerCodec() {
    }

    static Map<String, Object> toOffset(BucketState state) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(V, VERSION);
        offset.put(FINAL, state.ledger().closedEntries().encode());
        offset.put(OPEN, state.ledger().openEntries().encode());
        offset.put(PENDING, state.pending().stream()
                .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)).collect(Collectors.joining(",")));
        offset.put(CHILD_OFFSET, state.childOffset());
        if (!state.late().isEmpty()) {
            offset.put(LATE, state.late().entries().stream().map(LedgerCodec::encodeLate)
                    .collect(Collectors.joining(",")));
        }
        return offset;
    }

    static BucketState fromOffset(Map<String, ?> offset) {
        if (offset == null || offset.isEmpty()) {
            return BucketState.EMPTY;
        }
        try {
            List<String> unknown = offset.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown keys " + unknown);
            }
            long version = number(offset, V);
            if (version != VERSION) {
                throw new IllegalArgumentException("format version " + version + "; this connector reads version "
                        + VERSION);
            }
            Entries closed = Entries.decode(text(offset, FINAL));
            Entries open = Entries.decode(text(offset, OPEN));
            return new BucketState(new Ledger(closed, open), pending(text(offset, PENDING)), number(offset, CHILD_OFFSET),
                    late(text(offset, LATE)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid ledger offset " + abbreviated(offset) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> pending(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).toList();
    }

    /** The child is URL-encoded, so neither ',' nor '|' of the numbers can occur in it. */
    private static String encodeLate(LateChild late) {
        return new LateChild(URLEncoder.encode(late.child(), StandardCharsets.UTF_8), late.offset(), late.pageSize(),
                late.attempts(), late.dueAtMs(), late.deadlineMs()).encode();
    }

    private static LateChildren late(String text) {
        if (text.isEmpty()) {
            return LateChildren.NONE;
        }
        return LateChildren.of(Arrays.stream(text.split(",", -1)).map(LateChild::decode)
                .map(l -> new LateChild(URLDecoder.decode(l.child(), StandardCharsets.UTF_8), l.offset(), l.pageSize(),
                        l.attempts(), l.dueAtMs(), l.deadlineMs()))
                .toList());
    }

    private static long number(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + value);
        }
        return number.longValue();
    }

    private static String text(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
        }
        return value == null ? "" : (String) value;
    }

    /** Ledgers can be long; an error message shows their keys and sizes, not their contents. */
    private static String abbreviated(Map<String, ?> offset) {
        Map<String, Object> shown = new LinkedHashMap<>();
        offset.forEach((key, value) -> shown.put(key, value instanceof String s && s.length() > 40
                ? "<" + s.length() + " characters>" : value));
        return shown.toString();
    }
}
