package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SieveTest {

    private static final LateSettings SETTINGS = RescanScheduleTest.DEFAULTS;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-01-10T12:02:00Z");
    private static final Instant RECENT = Instant.parse("2026-01-10T11:10:00Z");
    private static final Instant OLD = Instant.parse("2026-01-08T11:10:00Z");
    private static final Map<String, Object> UNIT = unitPartition();

    private final LedgerBook book = new LedgerBook(HOUR, UNIT);

    private static Map<String, Object> unitPartition() {
        Map<String, Object> partition = new java.util.LinkedHashMap<>();
        partition.put("app", "a");
        partition.put("report", "enquiry-detail");
        partition.put("chunk", "2026-01-08T00:00:00Z");
        return partition;
    }

    @Test
    void bucketPartitionsIterateTheirKeysAsAHashMapDoesForConnectFindsOffsetsByTheirJson() {
        Map<String, Object> partition = book.partitions(new Span(RECENT, RECENT.plusSeconds(1))).get(0);
        assertEquals(List.of("app", "bucket", "report", "chunk"), List.copyOf(partition.keySet()));
        assertEquals(List.copyOf(filled(partition).keySet()), List.copyOf(partition.keySet()));
        assertEquals(List.of("app", "report", "chunk"), List.copyOf(filled(UNIT).keySet()),
                "the unit's own partition is in hash map order too");
    }

    /** A map rebuilt key by key into a default hash map, as Connect's JSON converter reads a partition. */
    private static Map<String, Object> filled(Map<String, Object> partition) {
        Map<String, Object> map = new HashMap<>();
        partition.forEach(map::put);
        return map;
    }

    private static Row open(String key, Instant at) {
        return new Row(key, "Open", false, at);
    }

    private static Row closed(String key, Instant at) {
        return new Row(key, "Closed", true, at);
    }

    @Test
    void mainPassEmitsEachRowOnceAcrossPagesAndRestarts() {
        Sieve page = book.sieve(Sieve.Mode.MAIN, SETTINGS, NOW);
        assertTrue(page.admit(closed("e1", RECENT)).emit());
        assertFalse(page.admit(closed("e1", RECENT)).emit(), "a row repeated inside a page");
        page.commit();
        Sieve again = book.sieve(Sieve.Mode.MAIN, SETTINGS, NOW);
        assertFalse(again.admit(closed("e1", RECENT)).emit(), "the window read again after drift or restart");
        assertTrue(again.admit(closed("e2", RECENT)).emit());
    }

    @Test
    void rescanFindsLateRowsInsideTheHorizonAndChangesOfOpenRowsBeyond() {
        Sieve main = book.sieve(Sieve.Mode.MAIN, SETTINGS, NOW);
        main.admit(open("recent-open", RECENT));
        main.admit(open("old-open", OLD));
        main.admit(closed("old-closed", OLD));
        main.commit();
        book.prune(SETTINGS, NOW, NOW);
        Sieve rescan = book.sieve(Sieve.Mode.RESCAN, SETTINGS, NOW);
        Sieve.Decision late = rescan.admit(closed("late-call", RECENT));
        assertTrue(late.emit() && late.late());
        assertEquals(Optional.of(Bucket.of(RECENT, HOUR)), late.carrier());
        assertFalse(rescan.admit(open("recent-open", RECENT)).emit());
        Sieve.Decision changed = rescan.admit(closed("recent-open", RECENT));
        assertTrue(changed.emit() && !changed.late());
        assertFalse(rescan.admit(closed("old-closed", OLD)).emit(), "final rows past the horizon are not re-sent");
        assertFalse(rescan.admit(closed("too-late", OLD)).emit(), "new rows past the horizon are not looked for");
        assertTrue(rescan.admit(closed("old-open", OLD)).emit(), "open rows are followed up to the lookback");
        assertFalse(rescan.admit(new Row(null, "1", true, RECENT)).emit());
        assertFalse(rescan.admit(new Row("no-time", "1", true, null)).emit());
        rescan.commit();
        assertEquals(List.of(), List.copyOf(book.openBuckets()), "both open rows closed");
    }

    @Test
    void remembersWhenEachBucketWasLastReadWhole() {
        Bucket bucket = Bucket.of(RECENT, HOUR);
        assertEquals(0, book.lastReadMs(bucket));
        book.markRead(new Span(RECENT, RECENT.plus(HOUR).plus(HOUR)), NOW);
        assertEquals(0, book.lastReadMs(bucket), "read in part: its rows before the span were not read");
        assertEquals(NOW.toEpochMilli(), book.lastReadMs(bucket.next()));
        assertEquals(0, book.lastReadMs(bucket.next().next()), "read in part");
        book.markRead(new Span(bucket.start(), bucket.end()), NOW.plusSeconds(1));
        assertEquals(NOW.plusSeconds(1).toEpochMilli(), book.lastReadMs(bucket));
    }

    @Test
    void mainPassEmitsRowsItCannotRecordButCarriesThemOnTheUnit() {
        Sieve.Decision d = book.sieve(Sieve.Mode.MAIN, SETTINGS, NOW).admit(new Row("x", "1", true, null));
        assertTrue(d.emit());
        assertEquals(Optional.empty(), d.carrier());
    }

    @Test
    void seedRecordsSilentlyButSendsChangesOfTrackedRows() {
        book.seed(LegacyTracked.seed(List.of(new LegacyTracked.Entry("e1", "Open@1767000000000", RECENT)), HOUR));
        Sieve seed = book.sieve(Sieve.Mode.SEED, SETTINGS, NOW);
        assertFalse(seed.admit(closed("e0", RECENT)).emit());
        assertTrue(seed.admit(closed("e1", RECENT)).emit());
        seed.commit();
        Sieve rescan = book.sieve(Sieve.Mode.RESCAN, SETTINGS, NOW);
        assertFalse(rescan.admit(closed("e0", RECENT)).emit(), "seeded rows are known");
        assertFalse(rescan.admit(closed("e1", RECENT)).emit());
    }

    @Test
    void nothingChangesBeforeCommitAndChildWorkStaysWithItsBucket() {
        Sieve page = book.sieve(Sieve.Mode.MAIN, SETTINGS, NOW);
        Sieve.Decision d = page.admit(closed("e1", RECENT));
        page.addChild(d.bucket(), "chat:e1");
        assertEquals(BucketState.EMPTY, book.state(d.bucket()));
        assertEquals(BucketState.EMPTY, page.before(d.bucket()));
        assertEquals(List.of("chat:e1"), page.after(d.bucket()).pending());
        Map<Bucket, BucketState> changed = page.commit();
        assertEquals(1, changed.size());
        assertEquals(Optional.of(d.bucket()), book.firstPending());
    }

    @Test
    void loadsBucketsFromOffsetsAndPrunesWhatAged() {
        Bucket old = Bucket.of(OLD, HOUR);
        Bucket gone = Bucket.of(Instant.parse("2026-01-06T10:00:00Z"), HOUR);
        BucketState state = new BucketState(Ledger.EMPTY.with(Map.of(
                RowHashes.key("a"), new Ledger.Mark(1, true), RowHashes.key("b"), new Ledger.Mark(2, false))),
                List.of(), 0);
        Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
        offsets.put(old.partition(UNIT), state.toOffset());
        offsets.put(gone.partition(UNIT), state.toOffset());
        Span span = new Span(Instant.parse("2026-01-06T00:00:00Z"), NOW);
        assertEquals(109, book.partitions(span).size());
        book.load(offsets, span);
        assertEquals(state, book.state(old));
        book.prune(SETTINGS, NOW, old.start());
        assertEquals(state, book.state(old), "buckets the main pass has not passed are kept whole");
        book.prune(SETTINGS, NOW, NOW);
        assertEquals(1, book.state(old).ledger().size());
        assertEquals(BucketState.EMPTY, book.state(gone));
        assertEquals("1 buckets, 1 rows (1 open)", book.summary());
    }
}
