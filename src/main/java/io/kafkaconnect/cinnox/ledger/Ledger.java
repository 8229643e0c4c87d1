package io.kafkaconnect.cinnox.ledger;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What was emitted for the rows of one time bucket of one unit: per row key, the version last sent to
 * Kafka, split into rows that are final and rows that may still change (open). A re-read emits a row only
 * when the ledger does not hold it with that version, so late rows are sent once and every version of a
 * changing row once. Immutable; keys and versions are kept as {@link RowHashes}.
 */
public final class Ledger {

    public static final Ledger EMPTY = new Ledger(Entries.EMPTY, Entries.EMPTY);

    /** What the ledger says of a row just read. */
    public enum Verdict {
        /** The key is unknown: the row was never emitted. */
        NEW,
        /** The key is known with another version: the row changed since it was emitted. */
        CHANGED,
        /** The key is known with this version: already emitted. */
        SAME
    }

    /** One row to record: its version hash and whether it may still change. */
    public record Mark(int version, boolean open) {
    }

    private final Entries closed;
    private final Entries open;

    Ledger(Entries closed, Entries open) {
        this.closed = closed;
        this.open = open;
    }

    public Verdict judge(long key, int version) {
        int i = closed.indexOf(key);
        if (i >= 0) {
            return closed.version(i) == version ? Verdict.SAME : Verdict.CHANGED;
        }
        int j = open.indexOf(key);
        if (j >= 0) {
            return open.version(j) == version ? Verdict.SAME : Verdict.CHANGED;
        }
        return Verdict.NEW;
    }

    /** Whether the key is recorded as possibly still changing. */
    public boolean isOpen(long key) {
        return open.indexOf(key) >= 0;
    }

    public int size() {
        return closed.size() + open.size();
    }

    public int openCount() {
        return open.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** This ledger with {@code marks} recorded: a key moves between final and open as its mark says. */
    public Ledger with(Map<Long, Mark> marks) {
        if (marks.isEmpty()) {
            return this;
        }
        TreeMap<Long, Integer> nowClosed = new TreeMap<>();
        TreeMap<Long, Integer> nowOpen = new TreeMap<>();
        marks.forEach((key, mark) -> (mark.open() ? nowOpen : nowClosed).put(key, mark.version()));
        return new Ledger(closed.merged(nowClosed, nowOpen.keySet()), open.merged(nowOpen, nowClosed.keySet()));
    }

    /** Only the open entries: past the late-row horizon, final rows are no longer looked for. */
    public Ledger withoutFinal() {
        return closed.size() == 0 ? this : new Ledger(Entries.EMPTY, open);
    }

    /** Keys recorded in this ledger, for tests and checks. */
    Set<Long> keys() {
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < closed.size(); i++) {
            keys.add(closed.key(i));
        }
        for (int i = 0; i < open.size(); i++) {
            keys.add(open.key(i));
        }
        return keys;
    }

    Entries closedEntries() {
        return closed;
    }

    Entries openEntries() {
        return open;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ledger that && closed.equals(that.closed) && open.equals(that.open);
    }

    @Override
    public int hashCode() {
        return 31 * closed.hashCode() + open.hashCode();
    }

    @Override
    public String toString() {
        return "Ledger(" + closed.size() + " final, " + open.size() + " open)";
    }
}
