package io.kafkaconnect.cinnox.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * How much one stored bucket holds, counted from its source offset without decoding the ledger: the rows
 * emitted for it and the child work still queued. The connector reads these to weigh what a unit has left
 * (see docs/design/connector.md, "Shares follow demand"); tasks never use it.
 *
 * @param bucket the bucket counted
 * @param rows rows recorded in the ledger (final and open); rows pruned after the horizon are not counted
 * @param pending child work queued and not read yet (work asked again later is not counted)
 */
public record LedgerTally(Bucket bucket, long rows, int pending) {

    private static final int ENTRY_CHARS = Entries.ENTRY_BYTES / 3 * 4;

    public LedgerTally {
        Objects.requireNonNull(bucket, "bucket");
        if (rows < 0 || pending < 0) {
            throw new IllegalArgumentException("Rows and pending work must not be negative");
        }
    }

    /**
     * Counts a bucket's stored offset (see {@link LedgerCodec}); null or empty is an empty bucket.
     *
     * @throws IllegalArgumentException when a field has the wrong type
     */
    public static LedgerTally of(Bucket bucket, Map<String, ?> offset) {
        if (offset == null || offset.isEmpty()) {
            return new LedgerTally(bucket, 0, 0);
        }
        long rows = (text(offset, LedgerCodec.FINAL).length() + text(offset, LedgerCodec.OPEN).length()) / ENTRY_CHARS;
        String pending = text(offset, LedgerCodec.PENDING);
        int queued = pending.isEmpty() ? 0 : (int) pending.chars().filter(c -> c == ',').count() + 1;
        return new LedgerTally(bucket, rows, queued);
    }

    private static String text(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + key + "' of a bucket offset must be a string, got " + value);
        }
        return value == null ? "" : (String) value;
    }
}
