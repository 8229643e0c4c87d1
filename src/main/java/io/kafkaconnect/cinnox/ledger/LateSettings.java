package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How late data is looked for: the settle delay before a window is first read, the tiers of re-scans
 * (span and interval of each), the bucket grain of the ledgers and the longest window one query may cover.
 *
 * @param settle delay between event time and the first read (window.settle.ms)
 * @param recent span of the recent tier, measured back from {@code now - settle} (late.recent.ms)
 * @param recentInterval how often the recent tier is re-read (late.recent.interval.ms)
 * @param horizon how late a new row may appear and still be delivered (late.horizon.ms), at least {@code recent}
 * @param horizonInterval how often the horizon tier is re-read (late.horizon.interval.ms)
 * @param lookback how long rows that may change are re-read for changes (lookback.ms); 0 disables it
 * @param lookbackInterval how often buckets with such rows past the horizon are re-read (lookback.sweep.interval.ms)
 * @param grain the length of a ledger bucket (late.bucket.ms), a divisor of a day
 * @param windowMax the longest window one query may cover (query.window.max.ms)
 */
public record LateSettings(Duration settle, Duration recent, Duration recentInterval, Duration horizon,
        Duration horizonInterval, Duration lookback, Duration lookbackInterval, Duration grain, Duration windowMax) {

    public LateSettings {
        for (Duration d : new Duration[] {settle, recent, recentInterval, horizon, horizonInterval, lookback,
                lookbackInterval, grain, windowMax}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("Late-data durations must not be negative, got " + d);
            }
        }
        if (horizon.compareTo(recent) < 0) {
            throw new IllegalArgumentException("The late-row horizon " + horizon + " is shorter than the recent tier "
                    + recent);
        }
        if (recentInterval.isZero() || horizonInterval.isZero() || lookbackInterval.isZero() || windowMax.isZero()) {
            throw new IllegalArgumentException("Re-scan intervals and the window length must be positive");
        }
        Bucket.requireGrain(grain);
    }

    /** What a re-read looks for in the rows of a bucket at a given time. */
    public enum Phase {
        /** Inside the horizon: new rows (late ones) and changed versions. */
        LATE_ROWS,
        /** Past the horizon, inside the lookback: only new versions of rows recorded as open. */
        CHANGES_ONLY,
        /** Past the lookback: nothing; the bucket's ledger is no longer needed. */
        GONE
    }

    /** {@code now - settle}: the newest event time that is ever read. */
    public Instant settled(Instant now) {
        return now.minus(settle);
    }

    /**
     * How far back from {@code now - settle} new rows are looked for: the horizon plus one horizon interval. A row
     * that appears up to {@code horizon} after its event time must still lie inside the band when the next horizon
     * pass starts, up to one interval later; a band of just {@code horizon} loses the rows that appear after the
     * last pass that still covered their time.
     */
    public Duration reach() {
        return horizon.plus(horizonInterval);
    }

    /** The phase of {@code bucket} at {@code now}, judged on the bucket's end. */
    public Phase phase(Bucket bucket, Instant now) {
        Instant settled = settled(now);
        if (bucket.end().isAfter(settled.minus(reach()))) {
            return Phase.LATE_ROWS;
        }
        return bucket.end().isAfter(settled.minus(lookback)) ? Phase.CHANGES_ONLY : Phase.GONE;
    }

    /** The band of event time {@code tier} re-reads at {@code now}, before clipping to what was read. */
    public Span band(RescanTier tier, Instant now) {
        Instant settled = settled(now);
        return switch (tier) {
            case RECENT -> new Span(settled.minus(recent), settled);
            case HORIZON -> new Span(settled.minus(reach()), settled.minus(recent));
            case LOOKBACK -> lookback.compareTo(reach()) <= 0
                    ? new Span(settled.minus(reach()), settled.minus(reach()))
                    : new Span(settled.minus(lookback), settled.minus(reach()));
        };
    }

    public Duration interval(RescanTier tier) {
        return switch (tier) {
            case RECENT -> recentInterval;
            case HORIZON -> horizonInterval;
            case LOOKBACK -> lookbackInterval;
        };
    }
}
