package io.kafkaconnect.cinnox.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * A ledger being added to while one page is read: rows recorded here count at once (a row repeated
 * inside the page is emitted once), and {@link #result()} folds them into a new ledger in one merge.
 */
public final class LedgerUpdate {

    private final Ledger base;
    private final Map<Long, Ledger.Mark> marks = new HashMap<>();

    public LedgerUpdate(Ledger base) {
        this.base = base;
    }

    public Ledger.Verdict judge(long key, int version) {
        Ledger.Mark mark = marks.get(key);
        if (mark != null) {
            return mark.version() == version ? Ledger.Verdict.SAME : Ledger.Verdict.CHANGED;
        }
        return base.judge(key, version);
    }

    public boolean isOpen(long key) {
        Ledger.Mark mark = marks.get(key);
        return mark != null ? mark.open() : base.isOpen(key);
    }

    /** Records that the row {@code key} was emitted at {@code version}; {@code open} when it may still change. */
    public void record(long key, int version, boolean open) {
        marks.put(key, new Ledger.Mark(version, open));
    }

    public boolean changed() {
        return !marks.isEmpty();
    }

    public Ledger base() {
        return base;
    }

    public Ledger result() {
        return base.with(marks);
    }
}
