package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyTrackedTest {

    @Test
    void trackedRecordsBecomeOpenEntriesOfTheirBucket() {
        Instant t = Instant.parse("2026-01-01T05:10:00Z");
        Map<Bucket, Ledger> ledgers = LegacyTracked.seed(List.of(
                new LegacyTracked.Entry("e1", "Open|0|@1767244200000", t),
                new LegacyTracked.Entry("e2", "Queued", t.plus(Duration.ofHours(2))),
                new LegacyTracked.Entry("e3", "a@b@17", t.plusSeconds(60))), Duration.ofHours(1));
        assertEquals(2, ledgers.size());
        Ledger first = ledgers.get(Bucket.of(t, Duration.ofHours(1)));
        assertEquals(2, first.openCount());
        assertEquals(Ledger.Verdict.SAME, first.judge(RowHashes.key("e1"), RowHashes.version("Open|0|")));
        assertEquals(Ledger.Verdict.SAME, first.judge(RowHashes.key("e3"), RowHashes.version("a@b")));
        assertEquals(Ledger.Verdict.CHANGED, first.judge(RowHashes.key("e1"), RowHashes.version("Closed|5|")));
        Ledger later = ledgers.get(Bucket.of(t.plus(Duration.ofHours(2)), Duration.ofHours(1)));
        assertEquals(Ledger.Verdict.SAME, later.judge(RowHashes.key("e2"), RowHashes.version("Queued")));
    }
}
