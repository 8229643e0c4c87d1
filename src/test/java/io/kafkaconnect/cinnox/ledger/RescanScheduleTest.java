package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RescanScheduleTest {

    static final LateSettings DEFAULTS = new LateSettings(Duration.ofMinutes(2), Duration.ofHours(1),
            Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(3), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofDays(1));
    private static final Instant NOW = Instant.parse("2026-01-10T12:02:00Z");
    private static final Instant SETTLED = Instant.parse("2026-01-10T12:00:00Z");
    private static final Span READ_ALL = new Span(Instant.parse("2026-01-01T00:00:00Z"), SETTLED);
    private static final NavigableSet<Instant> NONE_OPEN = new TreeSet<>();

    private final RescanSchedule schedule = new RescanSchedule(DEFAULTS);

    @Test
    void bandsTileTheTimeBehindTheSettleDelay() {
        assertEquals(new Span(SETTLED.minus(Duration.ofHours(1)), SETTLED), DEFAULTS.band(RescanTier.RECENT, NOW));
        // The horizon band reaches one horizon interval past the horizon: a row that appears a day after its time
        // is still inside it when the next hourly pass starts.
        assertEquals(Duration.ofHours(25), DEFAULTS.reach());
        assertEquals(new Span(SETTLED.minus(Duration.ofHours(25)), SETTLED.minus(Duration.ofHours(1))),
                DEFAULTS.band(RescanTier.HORIZON, NOW));
        assertEquals(new Span(SETTLED.minus(Duration.ofDays(3)), SETTLED.minus(Duration.ofHours(25))),
                DEFAULTS.band(RescanTier.LOOKBACK, NOW));
    }

    @Test
    void spansAreCutToWhatTheMainPassRead() {
        Span read = new Span(Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-10T11:30:00Z"));
        assertEquals(new Span(Instant.parse("2026-01-10T11:00:00Z"), Instant.parse("2026-01-10T11:30:00Z")),
                schedule.span(RescanTier.RECENT, NOW, read, NONE_OPEN));
        assertEquals(new Span(Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-10T11:00:00Z")),
                schedule.span(RescanTier.HORIZON, NOW, read, NONE_OPEN));
        assertTrue(schedule.span(RescanTier.LOOKBACK, NOW, read, NONE_OPEN).isEmpty());
    }

    @Test
    void lookbackReadsOnlyBucketsWithOpenRows() {
        NavigableSet<Instant> open = new TreeSet<>();
        open.add(Instant.parse("2026-01-08T03:00:00Z"));
        open.add(Instant.parse("2026-01-08T04:00:00Z"));
        open.add(Instant.parse("2026-01-09T02:00:00Z"));
        open.add(Instant.parse("2026-01-10T02:00:00Z")); // inside the horizon: the horizon tier's work
        Span span = schedule.span(RescanTier.LOOKBACK, NOW, READ_ALL, open);
        assertEquals(new Span(Instant.parse("2026-01-08T03:00:00Z"), Instant.parse("2026-01-09T03:00:00Z")), span);
        Optional<Span> first = schedule.nextWindow(RescanTier.LOOKBACK, span, span.start(), open);
        assertEquals(Optional.of(new Span(Instant.parse("2026-01-08T03:00:00Z"), Instant.parse("2026-01-08T05:00:00Z"))),
                first);
        Optional<Span> second = schedule.nextWindow(RescanTier.LOOKBACK, span, first.get().end(), open);
        assertEquals(Optional.of(new Span(Instant.parse("2026-01-09T02:00:00Z"), Instant.parse("2026-01-09T03:00:00Z"))),
                second);
        assertEquals(Optional.empty(), schedule.nextWindow(RescanTier.LOOKBACK, span, second.get().end(), open));
    }

    @Test
    void anOpenBucketAcrossTheBandsStartCounts() {
        NavigableSet<Instant> open = new TreeSet<>();
        open.add(Instant.parse("2026-01-07T11:00:00Z")); // [11:00, 12:00) overlaps the band starting at 11:58
        Span span = schedule.span(RescanTier.LOOKBACK, Instant.parse("2026-01-10T11:58:00Z").plus(Duration.ofMinutes(2)),
                READ_ALL, open);
        assertEquals(new Span(Instant.parse("2026-01-07T11:58:00Z"), Instant.parse("2026-01-07T12:00:00Z")), span);
    }

    @Test
    void windowsOfThePlainTiersAreCappedAtTheQueryMaximum() {
        Span pass = new Span(Instant.parse("2026-01-08T00:00:00Z"), Instant.parse("2026-01-10T06:00:00Z"));
        assertEquals(Optional.of(new Span(pass.start(), Instant.parse("2026-01-09T00:00:00Z"))),
                schedule.nextWindow(RescanTier.HORIZON, pass, pass.start(), NONE_OPEN));
        assertEquals(Optional.of(new Span(Instant.parse("2026-01-10T00:00:00Z"), pass.end())),
                schedule.nextWindow(RescanTier.HORIZON, pass, Instant.parse("2026-01-10T00:00:00Z"), NONE_OPEN));
        assertEquals(Optional.empty(), schedule.nextWindow(RescanTier.HORIZON, pass, pass.end(), NONE_OPEN));
    }

    @Test
    void tiersComeDueOneIntervalAfterTheyRan() {
        Map<RescanTier, Instant> last = new EnumMap<>(RescanTier.class);
        assertEquals(Optional.of(RescanTier.RECENT), schedule.due(last, NOW, READ_ALL, NONE_OPEN), "never ran: due");
        last.put(RescanTier.RECENT, NOW);
        assertEquals(Optional.of(RescanTier.HORIZON), schedule.due(last, NOW, READ_ALL, NONE_OPEN));
        last.put(RescanTier.HORIZON, NOW);
        assertEquals(Optional.empty(), schedule.due(last, NOW, READ_ALL, NONE_OPEN), "no open rows: no lookback pass");
        assertEquals(NOW.plus(Duration.ofMinutes(5)), schedule.nextDueAt(last, NOW, READ_ALL, NONE_OPEN));
        assertEquals(Optional.of(RescanTier.RECENT),
                schedule.due(last, NOW.plus(Duration.ofMinutes(5)), READ_ALL, NONE_OPEN));
        assertEquals(Optional.of(RescanTier.HORIZON),
                schedule.due(Map.of(RescanTier.RECENT, NOW.plus(Duration.ofHours(1)), RescanTier.HORIZON, NOW),
                        NOW.plus(Duration.ofHours(1)), READ_ALL, NONE_OPEN));
    }

    @Test
    void nothingIsDueOnceTheUnitLeftEveryBand() {
        Span oldChunk = new Span(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"));
        NavigableSet<Instant> open = new TreeSet<>();
        open.add(Instant.parse("2026-01-04T10:00:00Z"));
        assertEquals(RescanSchedule.NEVER, schedule.nextDueAt(Map.of(), NOW, oldChunk, open));
        Instant earlier = Instant.parse("2026-01-06T12:02:00Z");
        assertEquals(earlier, schedule.nextDueAt(Map.of(), earlier, oldChunk, open), "the open bucket is in lookback");
    }

    @Test
    void phasesFollowTheBucketsEnd() {
        Duration hour = Duration.ofHours(1);
        assertEquals(LateSettings.Phase.LATE_ROWS, DEFAULTS.phase(Bucket.of(SETTLED.minus(Duration.ofHours(25)), hour), NOW));
        assertEquals(LateSettings.Phase.CHANGES_ONLY,
                DEFAULTS.phase(Bucket.of(SETTLED.minus(Duration.ofHours(26)), hour), NOW));
        assertEquals(LateSettings.Phase.CHANGES_ONLY, DEFAULTS.phase(Bucket.of(SETTLED.minus(Duration.ofDays(3)), hour), NOW));
        assertEquals(LateSettings.Phase.GONE, DEFAULTS.phase(Bucket.of(SETTLED.minus(Duration.ofHours(73)), hour), NOW));
    }
}
