package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bucket states of one unit of work, held by its poller: loaded from the buckets' own source
 * partitions at task start, changed page by page through a {@link Sieve}, pruned as buckets age.
 */
public final class LedgerBook {

    private final Duration grain;
    private final Map<String, ?> unitPartition;
    private final TreeMap<Instant, BucketState> states = new TreeMap<>();
    private final Map<Instant, Instant> readAt = new java.util.HashMap<>();
    private final ChildRepeats repeats = new ChildRepeats();

    public LedgerBook(Duration grain, Map<String, ?> unitPartition) {
        this.grain = Bucket.requireGrain(grain);
        this.unitPartition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unitPartition));
    }

    public Duration grain() {
        return grain;
    }

    /** The source partitions of the buckets overlapping {@code span}, for one bulk offsets() call. */
    public List<Map<String, Object>> partitions(Span span) {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (Bucket bucket : Bucket.covering(span.start(), span.end(), grain)) {
            partitions.add(bucket.partition(unitPartition));
        }
        return partitions;
    }

    /** Reads the stored states of the buckets overlapping {@code span} out of an offsets() answer. */
    public void load(Map<Map<String, Object>, Map<String, Object>> offsets, Span span) {
        for (Bucket bucket : Bucket.covering(span.start(), span.end(), grain)) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(bucket.partition(unitPartition));
            if (offset != null && !offset.isEmpty()) {
                put(bucket, BucketState.fromOffset(offset));
            }
        }
    }

    /**
     * Reads, out of an offsets() answer, the buckets overlapping {@code span} that still hold child work
     * (pending or late children), whatever their age: a bucket the unit's main pass left behind before a
     * restart keeps its children, which would be lost if only the recent buckets were loaded.
     */
    public void loadChildWork(Map<Map<String, Object>, Map<String, Object>> offsets, Span span) {
        for (Bucket bucket : Bucket.covering(span.start(), span.end(), grain)) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(bucket.partition(unitPartition));
            if (offset != null && !offset.isEmpty() && !states.containsKey(bucket.start())) {
                BucketState state = BucketState.fromOffset(offset);
                if (state.hasChildWork()) {
                    put(bucket, state);
                }
            }
        }
    }

    /** Adds entries seeded from an old offset's tracked map, keeping whatever a bucket already holds. */
    public void seed(Map<Bucket, Ledger> legacy) {
        legacy.forEach((bucket, ledger) -> {
            BucketState state = state(bucket);
            Map<Long, Ledger.Mark> marks = new java.util.HashMap<>();
            Entries open = ledger.openEntries();
            for (int i = 0; i < open.size(); i++) {
                if (state.ledger().judge(open.key(i), open.version(i)) == Ledger.Verdict.NEW) {
                    marks.put(open.key(i), new Ledger.Mark(open.version(i), true));
                }
            }
            put(bucket, state.withLedger(state.ledger().with(marks)));
        });
    }

    public BucketState state(Bucket bucket) {
        return states.getOrDefault(bucket.start(), BucketState.EMPTY);
    }

    public void put(Bucket bucket, BucketState state) {
        requireGrain(bucket);
        states.put(bucket.start(), state);
    }

    /**
     * Notes that the rows of every bucket {@code span} covers whole were read at {@code at} (kept in memory only).
     * A bucket covered in part keeps its earlier time: its rows outside the span were not read then, and a
     * campaign there re-read "updated since" that time would lose the recipients that changed before it.
     */
    public void markRead(Span span, Instant at) {
        for (Bucket bucket : Bucket.covering(span.start(), span.end(), grain)) {
            if (!bucket.start().isBefore(span.start()) && !bucket.end().isAfter(span.end())) {
                readAt.put(bucket.start(), at);
                repeats.readWhole(bucket, at.toEpochMilli());
            }
        }
    }

    /**
     * When the rows of {@code bucket} were last read whole by this task, epoch ms; 0 when not since it started.
     * Campaign recipients of a changed campaign are re-read from then on.
     */
    public long lastReadMs(Bucket bucket) {
        Instant at = readAt.get(bucket.start());
        return at == null ? 0 : at.toEpochMilli();
    }

    /** The child records sent by reads of changed campaigns that a re-read would return again (in memory). */
    public ChildRepeats repeats() {
        return repeats;
    }

    /** A sieve for one page read in {@code mode} at {@code now}. */
    public Sieve sieve(Sieve.Mode mode, LateSettings settings, Instant now) {
        return new Sieve(this, mode, settings, now);
    }

    /** Starts of the buckets that hold rows that may still change. */
    public NavigableSet<Instant> openBuckets() {
        NavigableSet<Instant> open = new TreeSet<>();
        states.forEach((start, state) -> {
            if (state.ledger().openCount() > 0) {
                open.add(start);
            }
        });
        return open;
    }

    /** The oldest bucket with child work pending. */
    public Optional<Bucket> firstPending() {
        return states.entrySet().stream().filter(e -> !e.getValue().pending().isEmpty()).findFirst()
                .map(e -> new Bucket(e.getKey(), grain));
    }

    /** The bucket whose late child work is due soonest, when that is due at {@code now}. */
    public Optional<Bucket> firstLateDue(Instant now) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().late().firstDue(now).isPresent())
                .min(java.util.Comparator.comparing(e -> e.getValue().late().nextDueAt().orElseThrow()))
                .map(e -> new Bucket(e.getKey(), grain));
    }

    /** When the soonest late child work of any bucket is due; empty when none waits. */
    public Optional<Instant> nextLateDue() {
        return states.values().stream().flatMap(s -> s.late().nextDueAt().stream()).min(Instant::compareTo);
    }

    /** The buckets with child work pending, oldest first: the order their children are read in. */
    public List<Bucket> pendingBuckets() {
        List<Bucket> pending = new ArrayList<>();
        states.forEach((start, state) -> {
            if (!state.pending().isEmpty()) {
                pending.add(new Bucket(start, grain));
            }
        });
        return pending;
    }

    /**
     * Forgets, in memory, what no read can need any more: buckets past the lookback behind the main pass
     * lose everything, buckets past the horizon their final rows. Stored offsets are left as they are.
     */
    public void prune(LateSettings settings, Instant now, Instant mainPosition) {
        List<Instant> gone = new ArrayList<>();
        states.forEach((start, state) -> {
            Bucket bucket = new Bucket(start, grain);
            if (state.hasChildWork() || bucket.end().isAfter(mainPosition)) {
                return;
            }
            switch (settings.phase(bucket, now)) {
                case GONE -> gone.add(start);
                case CHANGES_ONLY -> states.put(start, state.withLedger(state.ledger().withoutFinal()));
                case LATE_ROWS -> { }
            }
        });
        gone.forEach(states::remove);
        readAt.keySet().removeIf(start -> settings.phase(new Bucket(start, grain), now) == LateSettings.Phase.GONE);
        repeats.forget(start -> settings.phase(new Bucket(start, grain), now) == LateSettings.Phase.GONE);
    }

    /** Rows held over all buckets, and how many of them are open: for the progress log. */
    public String summary() {
        int rows = states.values().stream().mapToInt(s -> s.ledger().size()).sum();
        int open = states.values().stream().mapToInt(s -> s.ledger().openCount()).sum();
        int late = states.values().stream().mapToInt(s -> s.late().size()).sum();
        return states.size() + " buckets, " + rows + " rows (" + open + " open)"
                + (late == 0 ? "" : ", " + late + " children asked again later");
    }

    private void requireGrain(Bucket bucket) {
        if (!bucket.grain().equals(grain)) {
            throw new IllegalArgumentException("Bucket " + bucket + " of " + bucket.grain() + " in a book of " + grain);
        }
    }
}
