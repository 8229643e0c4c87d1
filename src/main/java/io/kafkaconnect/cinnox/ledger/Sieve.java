package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, row by row while one page is read, which rows to emit, and collects the ledger entries and the
 * child work they add. Nothing changes in the book until {@link #commit()}, so a failed request leaves no
 * trace.
 */
public final class Sieve {

    /** Why a page is read. */
    public enum Mode {
        /** The main pass reads a window the first time (or again after a restart or drift): emit what the ledger lacks. */
        MAIN,
        /** A re-scan: late rows inside the horizon, new versions of open rows inside the lookback. */
        RESCAN,
        /** After an upgrade from offsets without ledgers: record what is there without emitting, except changes. */
        SEED,
        /**
         * An enquiry event asked for a bucket the unit no longer re-reads (past its lookback): new versions of rows
         * recorded as open, whatever the bucket's phase; nothing else.
         */
        EVENT
    }

    /**
     * What to do with one row.
     *
     * @param emit whether to send the row
     * @param bucket the bucket whose partition its record carries; null for a row that cannot be recorded
     * @param late whether a re-scan found a row that was never sent
     * @param changed whether an earlier version of the row was sent
     */
    public record Decision(boolean emit, Bucket bucket, boolean late, boolean changed) {

        static final Decision SKIP = new Decision(false, null, false, false);

        /** The bucket whose partition the row's record carries; empty for a row that cannot be recorded. */
        public Optional<Bucket> carrier() {
            return Optional.ofNullable(bucket);
        }
    }

    private final LedgerBook book;
    private final Mode mode;
    private final LateSettings settings;
    private final Instant now;
    private final Map<Bucket, LedgerUpdate> updates = new LinkedHashMap<>();
    private final Map<Bucket, List<String>> children = new LinkedHashMap<>();

    Sieve(LedgerBook book, Mode mode, LateSettings settings, Instant now) {
        this.book = book;
        this.mode = mode;
        this.settings = settings;
        this.now = now;
    }

    /**
     * Judges one row; a row to emit is recorded at once, so a repeat of it later in the page is skipped.
     * {@link Decision#late()} marks a row a re-scan found that was never emitted.
     */
    public Decision admit(Row row) {
        if (!row.recordable()) {
            return mode == Mode.MAIN ? new Decision(true, null, false, false) : Decision.SKIP;
        }
        Bucket bucket = Bucket.of(row.eventTime(), book.grain());
        LedgerUpdate update = updates.computeIfAbsent(bucket, b -> new LedgerUpdate(book.state(b).ledger()));
        long key = RowHashes.key(row.key());
        int version = RowHashes.version(row.version());
        Ledger.Verdict verdict = update.judge(key, version);
        boolean emit = switch (mode) {
            case MAIN -> verdict != Ledger.Verdict.SAME;
            case RESCAN -> switch (settings.phase(bucket, now)) {
                case LATE_ROWS -> verdict != Ledger.Verdict.SAME;
                case CHANGES_ONLY -> verdict == Ledger.Verdict.CHANGED && update.isOpen(key);
                case GONE -> false;
            };
            case SEED -> verdict == Ledger.Verdict.CHANGED;
            case EVENT -> verdict == Ledger.Verdict.CHANGED && update.isOpen(key);
        };
        boolean silent = mode == Mode.SEED && verdict == Ledger.Verdict.NEW;
        if (emit || silent) {
            update.record(key, version, !row.isFinal());
        }
        return emit ? new Decision(true, bucket, mode == Mode.RESCAN && verdict == Ledger.Verdict.NEW,
                verdict == Ledger.Verdict.CHANGED) : Decision.SKIP;
    }

    /** Queues child work caused by an emitted row of {@code bucket}. */
    public void addChild(Bucket bucket, String child) {
        children.computeIfAbsent(bucket, b -> new ArrayList<>()).add(child);
    }

    /** The state of {@code bucket} before this page. */
    public BucketState before(Bucket bucket) {
        return book.state(bucket);
    }

    /** The state of {@code bucket} with this page's rows and child work, without changing the book. */
    public BucketState after(Bucket bucket) {
        BucketState state = book.state(bucket);
        LedgerUpdate update = updates.get(bucket);
        if (update != null && update.changed()) {
            state = state.withLedger(update.result());
        }
        return state.withPending(children.getOrDefault(bucket, List.of()));
    }

    /** The new state of every bucket this page changed, without changing the book. */
    public Map<Bucket, BucketState> changes() {
        Map<Bucket, BucketState> changed = new LinkedHashMap<>();
        for (Bucket bucket : updates.keySet()) {
            if (updates.get(bucket).changed() || children.containsKey(bucket)) {
                changed.put(bucket, after(bucket));
            }
        }
        return changed;
    }

    /** Puts every changed bucket's new state in the book; returns them. */
    public Map<Bucket, BucketState> commit() {
        Map<Bucket, BucketState> changed = changes();
        changed.forEach(book::put);
        return changed;
    }
}
