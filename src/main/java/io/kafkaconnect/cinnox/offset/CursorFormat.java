package io.kafkaconnect.cinnox.offset;

import io.kafkaconnect.cinnox.ledger.LateCursor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The source offset format every unit cursor writes, version 1: one flat map of primitives (Connect
 * stores nothing else), the same 14 keys plus the late-data ones for every kind of unit, so offsets written
 * by earlier releases load and a cursor writes the keys it does not use at their fresh values. Lists and
 * maps travel as text; numbers are read through {@link Number} because a JSON round trip turns ints into
 * longs. Each kind's codec ({@link WindowCursorCodec}, {@link DailyCursorCodec}, {@link SnapshotCursorCodec})
 * fills and reads its own keys.
 *
 * <p>Example: {@code {"v": 1, "windowStart": 1767225600000, "windowEnd": 1767229200000, "offset": 500,
 * "windowMax": 0, "pending": "e1,e2", "childOffset": 100, "tracked": "e7=open|1767226000000",
 * "sweepStart": 0, "sweepEnd": 0, "sweepOffset": 0, "lastSweepAt": 0, "lastSnapshotAt": 0,
 * "done": false}}. Missing keys take a fresh cursor's values; unknown keys are rejected.
 */
final class CursorFormat {

    static final int VERSION = 1;
    static final String V = "v";
    static final String WINDOW_START = "windowStart";
    static final String WINDOW_END = "windowEnd";
    static final String OFFSET = "offset";
    static final String WINDOW_MAX = "windowMax";
    static final String PENDING = "pending";
    static final String CHILD_OFFSET = "childOffset";
    static final String TRACKED = "tracked";
    static final String SWEEP_START = "sweepStart";
    static final String SWEEP_END = "sweepEnd";
    static final String SWEEP_OFFSET = "sweepOffset";
    static final String LAST_SWEEP_AT = "lastSweepAt";
    static final String LAST_SNAPSHOT_AT = "lastSnapshotAt";
    static final String DONE = "done";
    /** A key every offset written since ledgers exist holds; one without it comes from an older connector. */
    static final String LEDGER_MARK = "passTier";
    private static final Set<String> OWN_KEYS = Set.of(V, WINDOW_START, WINDOW_END, OFFSET, WINDOW_MAX, PENDING,
            CHILD_OFFSET, TRACKED, SWEEP_START, SWEEP_END, SWEEP_OFFSET, LAST_SWEEP_AT, LAST_SNAPSHOT_AT, DONE);
    private static final Set<String> KEYS = union(OWN_KEYS, LateCursor.KEYS);
    private static final String LIST_SEPARATOR = ",";
    private static final String ID_SEPARATOR = "=";
    private static final String TIME_SEPARATOR = "|";

    private CursorFormat() {
    }

    /** Every key of the format at a fresh cursor's value, in the order version 1 writes them. */
    static Map<String, Object> blank() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(V, VERSION);
        putWindow(offset, WINDOW_START, WINDOW_END, OFFSET, PagedWindow.NONE);
        offset.put(WINDOW_MAX, 0L);
        putChildren(offset, ChildWork.NONE);
        offset.put(TRACKED, encodeTracked(TrackedRecords.NONE));
        putWindow(offset, SWEEP_START, SWEEP_END, SWEEP_OFFSET, PagedWindow.NONE);
        offset.put(LAST_SWEEP_AT, 0L);
        offset.put(LAST_SNAPSHOT_AT, 0L);
        offset.put(DONE, false);
        LateCursor.NONE.write(offset);
        return offset;
    }

    static void putWindow(Map<String, Object> offset, String start, String end, String pageOffset, PagedWindow w) {
        offset.put(start, w.start());
        offset.put(end, w.end());
        offset.put(pageOffset, w.offset());
    }

    static void putChildren(Map<String, Object> offset, ChildWork children) {
        offset.put(PENDING, String.join(LIST_SEPARATOR, children.pending().stream().map(CursorFormat::encode).toList()));
        offset.put(CHILD_OFFSET, children.offset());
    }

    static void putTracked(Map<String, Object> offset, TrackedRecords tracked) {
        offset.put(TRACKED, encodeTracked(tracked));
    }

    /**
     * Reads {@code offset} with {@code reader} after checking its version and keys; null or empty gives
     * {@code fresh}. Every problem is reported as an {@link IllegalArgumentException} naming the offset.
     */
    static <C> C read(Map<String, ?> offset, C fresh, Function<Map<String, ?>, C> reader) {
        if (offset == null || offset.isEmpty()) {
            return fresh;
        }
        try {
            requireVersion(offset);
            List<String> unknown = offset.keySet().stream().filter(key -> !KEYS.contains(key)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown keys " + unknown);
            }
            return reader.apply(offset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid source offset " + offset + ": " + e.getMessage(), e);
        }
    }

    static PagedWindow window(Map<String, ?> offset, String start, String end, String pageOffset) {
        return new PagedWindow(number(offset, start), number(offset, end), number(offset, pageOffset));
    }

    static ChildWork children(Map<String, ?> offset) {
        return new ChildWork(pending(text(offset, PENDING)), number(offset, CHILD_OFFSET));
    }

    static TrackedRecords tracked(Map<String, ?> offset) {
        return new TrackedRecords(decodeTracked(text(offset, TRACKED)));
    }

    /** Whether {@code offset} was written before ledgers existed (and is not empty). */
    static boolean beforeLedgers(Map<String, ?> offset) {
        return offset != null && !offset.isEmpty() && !offset.containsKey(LEDGER_MARK);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static void requireVersion(Map<String, ?> offset) {
        if (!offset.containsKey(V)) {
            throw new IllegalArgumentException("no format version '" + V + "'");
        }
        long version = number(offset, V);
        if (version > VERSION) {
            throw new IllegalArgumentException("format version " + version + " was written by a newer connector; "
                    + "this one reads version " + VERSION + " only");
        }
        if (version < VERSION) {
            throw new IllegalArgumentException("unknown format version " + version);
        }
    }

    private static List<String> pending(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(LIST_SEPARATOR, -1)).map(CursorFormat::decode).toList();
    }

    static long number(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + describe(value));
        }
        if ((value instanceof Double || value instanceof Float) && number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + value);
        }
        return number.longValue();
    }

    static String text(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + describe(value));
        }
        return value == null ? "" : (String) value;
    }

    static boolean flag(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got " + describe(value));
        }
        return Boolean.TRUE.equals(value);
    }

    private static String describe(Object value) {
        return value + " (" + value.getClass().getSimpleName() + ")";
    }

    /**
     * The whole map as one offset value (offsets hold primitives only):
     * {@code id=version|windowTimeMs} entries joined by commas, ids and versions URL-encoded.
     */
    private static String encodeTracked(TrackedRecords tracked) {
        return tracked.versions().entrySet().stream()
                .map(e -> encode(e.getKey()) + ID_SEPARATOR + encode(e.getValue().version()) + TIME_SEPARATOR
                        + e.getValue().windowTimeMs())
                .collect(Collectors.joining(LIST_SEPARATOR));
    }

    /** Reads the form written by {@link #encodeTracked}, keeping the order; empty text is an empty map. */
    private static Map<String, TrackedVersion> decodeTracked(String text) {
        Map<String, TrackedVersion> tracked = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return tracked;
        }
        Arrays.stream(text.split(LIST_SEPARATOR, -1)).forEach(entry -> {
            int idEnd = entry.indexOf(ID_SEPARATOR);
            int versionEnd = entry.lastIndexOf(TIME_SEPARATOR);
            if (idEnd < 1 || versionEnd < idEnd) {
                throw new IllegalArgumentException("tracked entry '" + entry + "' is not id=version|windowTimeMs");
            }
            try {
                long time = Long.parseLong(entry.substring(versionEnd + 1));
                tracked.put(decode(entry.substring(0, idEnd)),
                        new TrackedVersion(decode(entry.substring(idEnd + 1, versionEnd)), time));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tracked entry '" + entry + "' has no epoch-millisecond time", e);
            }
        });
        return tracked;
    }

    /** URL-encodes; ids made only of characters URL encoding keeps (the usual case) are returned as they are. */
    private static String encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '*';
            if (!kept) {
                return URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
