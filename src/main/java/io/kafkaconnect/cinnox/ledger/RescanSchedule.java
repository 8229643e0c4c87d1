package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when each re-scan tier is due and which windows a pass reads. Pure: time, what the main pass
 * has read and which buckets hold open rows come in as arguments.
 */
public final class RescanSchedule {

    /** A time so far ahead that it stands for "not due". */
    public static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    private final LateSettings settings;

    public RescanSchedule(LateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LateSettings settings() {
        return settings;
    }

    /**
     * The event time {@code tier} re-reads at {@code now}: its band cut to {@code read}, the span the main
     * pass has already read. The lookback tier is further cut to the buckets in {@code openBuckets} (bucket
     * starts) and is empty when none lies in its band.
     */
    public Span span(RescanTier tier, Instant now, Span read, NavigableSet<Instant> openBuckets) {
        Span span = settings.band(tier, now).within(read);
        if (tier != RescanTier.LOOKBACK || span.isEmpty()) {
            return span;
        }
        Instant first = openBuckets.ceiling(span.start().minus(settings.grain()).plusMillis(1));
        Instant last = openBuckets.lower(span.end());
        if (first == null || last == null || !first.isBefore(span.end())) {
            return new Span(span.start(), span.start());
        }
        return new Span(first, last.plus(settings.grain())).within(span);
    }

    /**
     * When {@code tier} is next due: one interval after it last ran ({@code lastAt}, null = never, so due
     * at once), or {@link #NEVER} while it has nothing to read.
     */
    public Instant dueAt(RescanTier tier, Instant lastAt, Instant now, Span read, NavigableSet<Instant> openBuckets) {
        if (span(tier, now, read, openBuckets).isEmpty()) {
            return NEVER;
        }
        return lastAt == null ? now : lastAt.plus(settings.interval(tier));
    }

    /** The earliest time any tier is due; {@link #NEVER} when none has anything to read. */
    public Instant nextDueAt(Map<RescanTier, Instant> lastAt, Instant now, Span read, NavigableSet<Instant> open) {
        Instant earliest = NEVER;
        for (RescanTier tier : RescanTier.values()) {
            Instant due = dueAt(tier, lastAt.get(tier), now, read, open);
            earliest = due.isBefore(earliest) ? due : earliest;
        }
        return earliest;
    }

    /** The most urgent tier due at {@code now}, if any. */
    public Optional<RescanTier> due(Map<RescanTier, Instant> lastAt, Instant now, Span read, NavigableSet<Instant> open) {
        for (RescanTier tier : RescanTier.values()) {
            if (!dueAt(tier, lastAt.get(tier), now, read, open).isAfter(now)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /**
     * The next window of a pass over {@code pass}, starting at or after {@code position}: at most
     * {@code windowMax} long; for the lookback tier only runs of buckets that hold open rows.
     */
    public Optional<Span> nextWindow(RescanTier tier, Span pass, Instant position, NavigableSet<Instant> openBuckets) {
        Instant from = position.isAfter(pass.start()) ? position : pass.start();
        if (!from.isBefore(pass.end())) {
            return Optional.empty();
        }
        if (tier != RescanTier.LOOKBACK) {
            return Optional.of(capped(from, pass.end()));
        }
        Instant bucket = openBuckets.ceiling(Bucket.of(from, settings.grain()).start());
        if (bucket == null || !bucket.isBefore(pass.end())) {
            return Optional.empty();
        }
        Instant start = bucket.isAfter(from) ? bucket : from;
        Instant runEnd = bucket.plus(settings.grain());
        while (openBuckets.contains(runEnd) && runEnd.isBefore(pass.end())) {
            runEnd = runEnd.plus(settings.grain());
        }
        return Optional.of(capped(start, runEnd.isBefore(pass.end()) ? runEnd : pass.end()));
    }

    private Span capped(Instant start, Instant end) {
        Instant max = start.plus(settings.windowMax());
        return new Span(start, end.isBefore(max) ? end : max);
    }
}
