package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The child work of one bucket waiting to be asked again, soonest first. Immutable, and bounded so the
 * bucket's offset stays small whatever CINNOX does: past {@link #CAPACITY} entries the one closest to its
 * deadline is given up, and the caller reports it.
 */
public final class LateChildren {

    /** At most this many children wait per bucket: under 90 bytes each in the offset, so under 9 KB. */
    public static final int CAPACITY = 100;

    static final LateChildren NONE = new LateChildren(List.of(), CAPACITY);
    private static final Comparator<LateChild> SOONEST = Comparator.comparingLong(LateChild::dueAtMs);

    /** The children after an addition, and the one given up to make room, if any. */
    public record Added(LateChildren children, Optional<LateChild> givenUp) {
    }

    private final List<LateChild> entries;
    private final int capacity;

    private LateChildren(List<LateChild> entries, int capacity) {
        this.entries = List.copyOf(entries);
        this.capacity = capacity;
    }

    /** An empty list holding at most {@code capacity} children (tests use small ones). */
    static LateChildren withCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Capacity must be positive, got " + capacity);
        }
        return new LateChildren(List.of(), capacity);
    }

    /** Adds {@code late}, replacing an entry for the same child; gives up the nearest deadline when full. */
    public Added with(LateChild late) {
        Objects.requireNonNull(late, "late");
        List<LateChild> next = new ArrayList<>(entries);
        next.removeIf(entry -> entry.child().equals(late.child()));
        next.add(late);
        Optional<LateChild> givenUp = Optional.empty();
        if (next.size() > capacity) {
            LateChild nearest = next.stream().min(Comparator.comparingLong(LateChild::deadlineMs)).orElseThrow();
            next.remove(nearest);
            givenUp = Optional.of(nearest);
        }
        next.sort(SOONEST);
        return new Added(new LateChildren(next, capacity), givenUp);
    }

    /** Without the entry of {@code child}. */
    public LateChildren without(String child) {
        List<LateChild> next = new ArrayList<>(entries);
        next.removeIf(entry -> entry.child().equals(child));
        return next.size() == entries.size() ? this : new LateChildren(next, capacity);
    }

    /** The soonest entry, when it is due at {@code now}. */
    public Optional<LateChild> firstDue(Instant now) {
        return entries.isEmpty() || !entries.get(0).isDue(now) ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** When the soonest entry is due; empty when none waits. */
    public Optional<Instant> nextDueAt() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).dueAt());
    }

    public Optional<LateChild> get(String child) {
        return entries.stream().filter(entry -> entry.child().equals(child)).findFirst();
    }

    public List<LateChild> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** Entries read from an offset, soonest first; more than the capacity are kept (an offset is never cut). */
    static LateChildren of(List<LateChild> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        List<LateChild> sorted = new ArrayList<>(entries);
        sorted.sort(SOONEST);
        return new LateChildren(sorted, CAPACITY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LateChildren that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
