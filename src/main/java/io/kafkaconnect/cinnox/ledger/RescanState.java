package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The part of a windowed unit's cursor that re-scans need: when each tier last ran, the pass in progress
 * (its tier, where its span ends, the window being paged) and, after an upgrade from offsets without
 * ledgers, up to where a seed pass must first record what was already sent.
 *
 * @param lastAt per tier, when its last pass started, epoch ms; a missing tier never ran
 * @param tier the tier of the pass in progress, null when none runs
 * @param passEnd where the running pass's span ends, epoch ms
 * @param window the window the pass is paging through
 * @param seedUntil epoch ms; while not 0, the next (or running) pass is the seed pass over the horizon up to
 *        here, which records the rows an older connector already sent
 */
public record RescanState(Map<RescanTier, Long> lastAt, RescanTier tier, long passEnd, PassWindow window,
        long seedUntil) {

    public static final RescanState NONE = new RescanState(Map.of(), null, 0, PassWindow.NONE, 0);

    public RescanState {
        lastAt = Map.copyOf(lastAt);
        if (tier == null && window.fixed()) {
            throw new IllegalArgumentException("A pass window without a pass");
        }
    }

    public boolean running() {
        return tier != null;
    }

    /** Per tier, when it last started, as the schedule takes it (missing = never). */
    public Map<RescanTier, Instant> lastRuns() {
        Map<RescanTier, Instant> runs = new EnumMap<>(RescanTier.class);
        lastAt.forEach((t, ms) -> runs.put(t, Instant.ofEpochMilli(ms)));
        return runs;
    }

    /** Every tier counted as just run, so a unit that never ran one does not re-read at once. */
    public RescanState allRanAt(Instant at) {
        Map<RescanTier, Long> runs = new EnumMap<>(RescanTier.class);
        for (RescanTier t : RescanTier.values()) {
            runs.put(t, at.toEpochMilli());
        }
        return new RescanState(runs, tier, passEnd, window, seedUntil);
    }

    /** Starts a pass of {@code tier} over {@code span}, reading {@code first} first. */
    public RescanState started(RescanTier passTier, Span span, Span first, Instant now) {
        Map<RescanTier, Long> runs = new EnumMap<>(RescanTier.class);
        runs.putAll(lastAt);
        runs.put(passTier, now.toEpochMilli());
        return new RescanState(runs, passTier, span.end().toEpochMilli(), PassWindow.of(first), seedUntil);
    }

    public RescanState withWindow(PassWindow next) {
        return new RescanState(lastAt, tier, passEnd, next, seedUntil);
    }

    /** Ends the running pass; a pass that ran while a seed was due was the seed, so the seed is done too. */
    public RescanState finished() {
        return new RescanState(lastAt, null, 0, PassWindow.NONE, 0);
    }

    /** Whether the running (or next) pass is the seed pass after an upgrade: it records without emitting. */
    public boolean seeding() {
        return seedUntil > 0;
    }

    public RescanState withSeedUntil(long until) {
        return new RescanState(lastAt, tier, passEnd, window, until);
    }

    /** The pass's span end. */
    public Instant passEndAt() {
        return Instant.ofEpochMilli(passEnd);
    }
}
