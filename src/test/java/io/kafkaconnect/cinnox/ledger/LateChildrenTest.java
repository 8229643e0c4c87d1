package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class LateChildrenTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static LateChild late(String child, long dueInMs, long deadlineInMs) {
        return new LateChild(child, 0, 0, 0, NOW.toEpochMilli() + dueInMs, NOW.toEpochMilli() + deadlineInMs);
    }

    @Test
    void aLateChildSurvivesItsTextFormEvenWithTheSeparatorInItsReference() {
        LateChild late = new LateChild("campaign:a|b@1700000000000", 1500, 125, 2, 1_767_000_000_000L,
                1_767_003_600_000L);
        assertEquals(late, LateChild.decode(late.encode()));
        assertEquals("chat:E1|500|250|0|10|20", new LateChild("chat:E1", 500, 250, 0, 10, 20).encode());
    }

    @Test
    void malformedTextIsRefusedWithTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LateChild.decode("call:X|1|2"));
        assertTrue(e.getMessage().contains("call:X|1|2"));
        assertThrows(IllegalArgumentException.class, () -> LateChild.decode("call:X|a|0|0|0|0"));
        assertThrows(IllegalArgumentException.class, () -> LateChild.decode("|0|0|0|0|0"));
    }

    @Test
    void entriesAreKeptSoonestFirstAndOneEntryPerChild() {
        LateChildren children = LateChildren.NONE
                .with(late("call:B", 2_000, 9_000)).children()
                .with(late("call:A", 1_000, 9_000)).children()
                .with(late("call:B", 500, 9_000)).children();
        assertEquals(List.of("call:B", "call:A"), children.entries().stream().map(LateChild::child).toList());
        assertEquals(Optional.of(NOW.plusMillis(500)), children.nextDueAt());
        assertEquals(Optional.empty(), children.firstDue(NOW.plusMillis(499)));
        assertEquals("call:B", children.firstDue(NOW.plusMillis(999)).orElseThrow().child());
        assertEquals(1, children.without("call:B").size());
        assertEquals(Optional.empty(), LateChildren.NONE.nextDueAt());
    }

    @Test
    void pastItsCapacityTheEntryNearestItsDeadlineIsGivenUp() {
        LateChildren children = LateChildren.withCapacity(2)
                .with(late("call:A", 1_000, 5_000)).children()
                .with(late("call:B", 1_000, 3_000)).children();
        LateChildren.Added added = children.with(late("call:C", 1_000, 9_000));
        assertEquals(Optional.of(late("call:B", 1_000, 3_000)), added.givenUp());
        assertEquals(2, added.children().size());
        assertEquals(Optional.empty(), added.children().get("call:B"));
    }

    @Test
    void aBucketOffsetWithAFullLateListRoundTripsAndStaysUnderTenKilobytes() {
        LateChildren children = LateChildren.NONE;
        List<LateChild> givenUp = new ArrayList<>();
        for (int i = 0; i < LateChildren.CAPACITY + 20; i++) {
            String id = "call:" + java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i}) + (i % 7 == 0 ? ",|%" : "");
            LateChildren.Added added = children.with(new LateChild(id, 0, 0, 5, NOW.toEpochMilli() + i,
                    NOW.plus(Duration.ofHours(4)).toEpochMilli() + i));
            added.givenUp().ifPresent(givenUp::add);
            children = added.children();
        }
        assertEquals(LateChildren.CAPACITY, children.size());
        assertEquals(20, givenUp.size());
        BucketState state = new BucketState(Ledger.EMPTY, List.of("chat:e1"), 0).withLate(children);
        Map<String, Object> offset = state.toOffset();
        assertEquals(state, BucketState.fromOffset(offset));
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        int bytes = converter.fromConnectData("offsets", null, offset).length;
        assertTrue(bytes < 10_000, "a full late list takes " + bytes + " bytes");
    }

    @Test
    void offsetsWithoutALateListStillLoadAndAnEmptyListIsNotWritten() {
        BucketState plain = new BucketState(Ledger.EMPTY, List.of("call:c1"), 0);
        assertEquals(false, plain.toOffset().containsKey("late"), "offsets read by older versions keep their form");
        Map<String, Object> old = new HashMap<>(plain.toOffset());
        assertEquals(plain, BucketState.fromOffset(old));
        Map<String, Object> broken = new HashMap<>(old);
        broken.put("late", "call%3Ac1|0|0");
        assertThrows(IllegalArgumentException.class, () -> BucketState.fromOffset(broken));
    }

    @Test
    void aBucketWithLateChildWorkIsKeptAndOffersItWhenDue() {
        LedgerBook book = new LedgerBook(HOUR, Map.of("app", "a", "report", "call-detail", "chunk", "2026-01-01"));
        Bucket bucket = Bucket.of(Instant.parse("2026-01-01T05:10:00Z"), HOUR);
        LateChild waiting = new LateChild("call:c1", 0, 0, 0, NOW.plusSeconds(60).toEpochMilli(),
                NOW.plus(HOUR).toEpochMilli());
        book.put(bucket, BucketState.EMPTY.withLate(BucketState.EMPTY.late().with(waiting).children()));
        LateSettings settings = new LateSettings(Duration.ofMinutes(2), HOUR, Duration.ofMinutes(5), HOUR, HOUR,
                HOUR, HOUR, HOUR, Duration.ofDays(1));
        book.prune(settings, NOW, NOW);
        assertEquals(Optional.of(NOW.plusSeconds(60)), book.nextLateDue());
        assertEquals(Optional.empty(), book.firstLateDue(NOW));
        assertEquals(Optional.of(bucket), book.firstLateDue(NOW.plusSeconds(60)));
        assertEquals(Optional.empty(), book.firstPending(), "late work is not pending work");
    }
}
