package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChildRepeatsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Bucket BUCKET = new Bucket(Instant.parse("2026-01-09T23:00:00Z"), HOUR);
    private static final long READ = 1_000;

    @Test
    void aRecordUpdatedAfterItsBucketsReadIsARepeatForTheNextReadOfTheSameChildAtTheSameVersion() {
        ChildRepeats repeats = new ChildRepeats();
        repeats.sent(BUCKET, "c1", 7, 70, READ + 5, READ);
        repeats.reading(BUCKET, "c1", READ);
        assertTrue(repeats.repeated(BUCKET, "c1", 7, 70), "returned again by a read updated since the bucket read");
        assertFalse(repeats.repeated(BUCKET, "c1", 7, 71), "a new version is sent");
        assertFalse(repeats.repeated(BUCKET, "c2", 7, 70), "another child");
        assertFalse(repeats.repeated(BUCKET.next(), "c1", 7, 70), "another bucket");
    }

    @Test
    void aRecordUpdatedBeforeItsBucketsReadIsNotKeptNoLaterReadCanReturnIt() {
        ChildRepeats repeats = new ChildRepeats();
        repeats.sent(BUCKET, "c1", 7, 70, READ, READ);
        assertEquals(0, repeats.size());
    }

    @Test
    void aReadSinceAfterTheUpdateForgetsItAndUnknownUpdatesStayUntilTheBucketGoes() {
        ChildRepeats repeats = new ChildRepeats();
        repeats.sent(BUCKET, "c1", 7, 70, READ + 5, READ);
        repeats.sent(BUCKET, "c1", 8, 80, ChildRepeats.UNKNOWN_UPDATE, READ);
        repeats.reading(BUCKET, "c1", READ + 5);
        assertFalse(repeats.repeated(BUCKET, "c1", 7, 70));
        assertTrue(repeats.repeated(BUCKET, "c1", 8, 80));
        repeats.forget(start -> start.equals(BUCKET.start()));
        assertEquals(0, repeats.size());
    }

    @Test
    void aReadOfTheWholeBucketAfterTheUpdateForgetsIt() {
        ChildRepeats repeats = new ChildRepeats();
        repeats.sent(BUCKET, "c1", 7, 70, READ + 5, READ);
        repeats.sent(BUCKET, "c2", 8, 80, READ + 9, READ);
        repeats.readWhole(BUCKET, READ + 5);
        assertFalse(repeats.repeated(BUCKET, "c1", 7, 70));
        assertTrue(repeats.repeated(BUCKET, "c2", 8, 80));
        assertEquals(1, repeats.size());
    }
}
