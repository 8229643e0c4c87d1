package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTallyTest {

    private static final Bucket BUCKET = Bucket.of(Instant.parse("2026-01-01T05:00:00Z"), Duration.ofHours(1));

    private static Ledger rows(int finalRows, int openRows) {
        Map<Long, Ledger.Mark> marks = new HashMap<>();
        for (int i = 0; i < finalRows + openRows; i++) {
            marks.put((long) i * 7919, new Ledger.Mark(i, i >= finalRows));
        }
        return Ledger.EMPTY.with(marks);
    }

    @Test
    void countsTheRowsAndTheQueuedChildrenOfAStoredBucket() {
        BucketState state = new BucketState(rows(30, 12), List.of("chat:e1", "chat:e,2", "call:c3"), 4);
        LedgerTally tally = LedgerTally.of(BUCKET, state.toOffset());
        assertEquals(new LedgerTally(BUCKET, 42, 3), tally, "a child id with a comma is encoded, so it counts once");
    }

    @Test
    void childWorkAskedAgainLaterIsNotQueuedWork() {
        LateChild late = new LateChild("call:c9", 0, 0, 1, 1_767_226_000_000L, 1_767_240_000_000L);
        BucketState state = new BucketState(rows(5, 0), List.of(), 0, LateChildren.of(List.of(late)));
        assertEquals(new LedgerTally(BUCKET, 5, 0), LedgerTally.of(BUCKET, state.toOffset()));
    }

    @Test
    void aMissingOrEmptyOffsetIsAnEmptyBucketAndAWrongTypeIsRefused() {
        assertEquals(new LedgerTally(BUCKET, 0, 0), LedgerTally.of(BUCKET, null));
        assertEquals(new LedgerTally(BUCKET, 0, 0), LedgerTally.of(BUCKET, BucketState.EMPTY.toOffset()));
        assertThrows(IllegalArgumentException.class, () -> LedgerTally.of(BUCKET, Map.of("pending", 3)));
    }
}
