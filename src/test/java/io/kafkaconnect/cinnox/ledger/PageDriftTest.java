package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageDriftTest {

    private static final long LAST = RowHashes.key("row-499");

    @Test
    void asksOneRowEarlierOnlyWhenThereIsARowToCheck() {
        assertEquals(499, PageDrift.requestOffset(500, LAST));
        assertEquals(500, PageDrift.requestOffset(500, 0));
        assertEquals(0, PageDrift.requestOffset(0, LAST));
    }

    @Test
    void comparesFirstRowWithPreviousLast() {
        assertEquals(PageDrift.Check.IN_PLACE, PageDrift.check(LAST, 500, LAST));
        assertEquals(PageDrift.Check.MOVED, PageDrift.check(LAST, 500, RowHashes.key("row-498")));
        assertEquals(PageDrift.Check.MOVED, PageDrift.check(LAST, 500, 0), "an empty page means rows went away");
        assertEquals(PageDrift.Check.UNCHECKED, PageDrift.check(0, 500, RowHashes.key("x")));
        assertEquals(PageDrift.Check.UNCHECKED, PageDrift.check(LAST, 0, RowHashes.key("x")));
    }
}
