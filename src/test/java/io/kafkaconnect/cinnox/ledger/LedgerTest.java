package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final long A = RowHashes.key("enquiry-a");
    private static final long B = RowHashes.key("enquiry-b");
    private static final int OPEN = RowHashes.version("open");
    private static final int CLOSED = RowHashes.version("closed");

    @Test
    void judgesNewChangedAndSameRows() {
        Ledger ledger = Ledger.EMPTY.with(Map.of(A, new Ledger.Mark(OPEN, true)));
        assertEquals(Ledger.Verdict.SAME, ledger.judge(A, OPEN));
        assertEquals(Ledger.Verdict.CHANGED, ledger.judge(A, CLOSED));
        assertEquals(Ledger.Verdict.NEW, ledger.judge(B, OPEN));
        assertTrue(ledger.isOpen(A));
    }

    @Test
    void aRowMovesFromOpenToFinalAndBack() {
        Ledger open = Ledger.EMPTY.with(Map.of(A, new Ledger.Mark(OPEN, true), B, new Ledger.Mark(CLOSED, false)));
        assertEquals(1, open.openCount());
        Ledger closed = open.with(Map.of(A, new Ledger.Mark(CLOSED, false)));
        assertEquals(0, closed.openCount());
        assertEquals(2, closed.size());
        assertFalse(closed.isOpen(A));
        assertEquals(Ledger.Verdict.SAME, closed.judge(A, CLOSED));
        Ledger reopened = closed.with(Map.of(A, new Ledger.Mark(OPEN, true)));
        assertEquals(1, reopened.openCount());
        assertEquals(2, reopened.size());
    }

    @Test
    void withoutFinalKeepsOnlyOpenRows() {
        Ledger ledger = Ledger.EMPTY.with(Map.of(A, new Ledger.Mark(OPEN, true), B, new Ledger.Mark(CLOSED, false)));
        Ledger compact = ledger.withoutFinal();
        assertEquals(1, compact.size());
        assertEquals(Ledger.Verdict.SAME, compact.judge(A, OPEN));
        assertEquals(Ledger.Verdict.NEW, compact.judge(B, CLOSED));
        assertSame(compact, compact.withoutFinal());
    }

    @Test
    void mergesAgreeWithAPlainMapOverManyRandomBatches() {
        Random random = new Random(7);
        Map<Long, Ledger.Mark> expected = new HashMap<>();
        Ledger ledger = Ledger.EMPTY;
        for (int batch = 0; batch < 200; batch++) {
            Map<Long, Ledger.Mark> marks = new HashMap<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                long key = random.nextInt(300) - 150L; // negative keys too: signed order must hold
                marks.put(key, new Ledger.Mark(random.nextInt(3), random.nextBoolean()));
            }
            ledger = ledger.with(marks);
            expected.putAll(marks);
        }
        assertEquals(expected.size(), ledger.size());
        assertEquals(expected.keySet(), ledger.keys());
        assertEquals(expected.values().stream().filter(Ledger.Mark::open).count(), ledger.openCount());
        for (Map.Entry<Long, Ledger.Mark> e : expected.entrySet()) {
            assertEquals(Ledger.Verdict.SAME, ledger.judge(e.getKey(), e.getValue().version()), "key " + e.getKey());
            assertEquals(e.getValue().open(), ledger.isOpen(e.getKey()));
        }
    }

    @Test
    void anUpdateCountsItsOwnRowsAtOnce() {
        LedgerUpdate update = new LedgerUpdate(Ledger.EMPTY.with(Map.of(A, new Ledger.Mark(OPEN, true))));
        assertEquals(Ledger.Verdict.NEW, update.judge(B, OPEN));
        update.record(B, OPEN, true);
        assertEquals(Ledger.Verdict.SAME, update.judge(B, OPEN), "a row repeated inside a page is emitted once");
        update.record(A, CLOSED, false);
        assertFalse(update.isOpen(A));
        Ledger result = update.result();
        assertEquals(2, result.size());
        assertEquals(1, result.openCount());
        assertEquals(Ledger.Verdict.SAME, result.judge(A, CLOSED));
    }

    @Test
    void hashesAreStableAcrossRuns() {
        // Ledgers outlive the JVM: the hash of a key must never change between versions of the connector.
        assertEquals(RowHashes.key("enquiry-a"), A);
        assertEquals(RowHashes.version("open"), OPEN);
        assertTrue(RowHashes.key("") != 0);
        assertEquals(-1_322_895_145_613_111_695L, RowHashes.key("call-1"));
    }
}
