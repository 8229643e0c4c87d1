package io.kafkaconnect.cinnox.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything kept in one bucket's source partition: the ledger of emitted rows and the child work still
 * to do for rows of the bucket (a chat, recordings, campaign recipients). Child work lives here, next to
 * the row that caused it, so a crash can never leave a row recorded as emitted while its children are lost.
 *
 * @param ledger the rows emitted, not null
 * @param pending child work still to do, in order, as the poller encodes it; not empty strings
 * @param childOffset the page offset inside the first pending child
 * @param late child work asked again later (recordings not there yet, chats refused with 6451013), bounded
 */
public record BucketState(Ledger ledger, List<String> pending, long childOffset, LateChildren late) {

    public static final BucketState EMPTY = new BucketState(Ledger.EMPTY, List.of(), 0);

    public BucketState {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(late, "late");
        pending = List.copyOf(pending);
        if (pending.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Pending child work must not be empty");
        }
        if (childOffset < 0 || (childOffset > 0 && pending.isEmpty())) {
            throw new IllegalArgumentException("Child offset " + childOffset + " with " + pending.size()
                    + " pending children");
        }
    }

    /** A state with no child work waiting to be asked again. */
    public BucketState(Ledger ledger, List<String> pending, long childOffset) {
        this(ledger, pending, childOffset, LateChildren.NONE);
    }

    public BucketState withLedger(Ledger next) {
        return new BucketState(next, pending, childOffset, late);
    }

    /** Adds child work after what is already pending. */
    public BucketState withPending(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(pending);
        all.addAll(more);
        return new BucketState(ledger, all, childOffset, late);
    }

    /** Moves past a page of {@code readCount} records of the first pending child. */
    public BucketState childPageRead(int readCount) {
        requirePending();
        return new BucketState(ledger, pending, childOffset + readCount, late);
    }

    /** Drops the first pending child: it is done or given up. */
    public BucketState childFinished() {
        requirePending();
        return new BucketState(ledger, pending.subList(1, pending.size()), 0, late);
    }

    /** With another list of late child work. */
    public BucketState withLate(LateChildren next) {
        return new BucketState(ledger, pending, childOffset, next);
    }

    /** Whether child work waits here, pending or asked again later: such a bucket is kept. */
    public boolean hasChildWork() {
        return !pending.isEmpty() || !late.isEmpty();
    }

    /** The source offset; see {@link LedgerCodec}. */
    public Map<String, Object> toOffset() {
        return LedgerCodec.toOffset(this);
    }

    /** Reads a source offset; null or empty is an empty state. */
    public static BucketState fromOffset(Map<String, ?> offset) {
        return LedgerCodec.fromOffset(offset);
    }

    private void requirePending() {
        if (pending.isEmpty()) {
            throw new IllegalStateException("No child work is pending");
        }
    }
}
