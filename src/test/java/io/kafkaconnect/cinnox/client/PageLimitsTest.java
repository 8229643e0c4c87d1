package io.kafkaconnect.cinnox.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageLimitsTest {

    private static final String CALLS = "call-detail";
    private final PageLimits limits = new PageLimits();

    private boolean last(String query, int offset, int limit, int returned) {
        return limits.last(CALLS, query, PageRequest.of(offset, limit), returned);
    }

    @Test
    void aShortPageBeforeAnythingIsLearnedIsFollowedUpOnceAndThenFinal() {
        assertFalse(last("w1", 0, 100, 7), "nothing learned: 7 rows may be a cap");
        assertTrue(last("w1", 7, 100, 0), "nothing after it: the window is done");
        assertEquals(0, limits.cap(CALLS));
        assertEquals(7, limits.largest(CALLS));
        assertTrue(last("w2", 0, 100, 5), "shorter than the 7 the endpoint returned: final at once");
        assertEquals(1, limits.probes());
    }

    @Test
    void afterAFullPageEveryShortPageIsFinalAtOnce() {
        assertFalse(last("w1", 0, 100, 100));
        assertTrue(last("w1", 100, 100, 99));
        assertTrue(last("w2", 0, 100, 1));
        assertTrue(last("w3", 0, 100, 99));
        assertEquals(0, limits.probes(), "no extra request once a full page was seen");
    }

    @Test
    void aCappedLimitIsLearnedFromAShortPageFollowedByMoreRows() {
        assertFalse(last("w1", 0, 100, 15));
        assertFalse(last("w1", 15, 100, 15), "more rows after a page of 15: CINNOX accepts 15");
        assertEquals(15, limits.cap(CALLS));
        assertTrue(last("w1", 30, 100, 4));
        assertFalse(last("w2", 0, 100, 15), "a page of the accepted limit is full");
        assertTrue(last("w2", 15, 100, 14));
        assertEquals(1, limits.probes(), "one follow-up to learn the cap, none after");
    }

    @Test
    void theFollowUpAskedOneRowEarlierCountsOnlyRowsAfterTheShortPage() {
        assertFalse(last("w1", 0, 100, 15));
        assertTrue(last("w1", 14, 100, 1), "only the previous page's last row again: nothing after it");
        assertEquals(0, limits.cap(CALLS));
        assertFalse(last("w2", 0, 100, 15), "a tie with the most seen is still followed up");
        assertFalse(last("w2", 14, 100, 15), "rows after the short page");
        assertEquals(15, limits.cap(CALLS));
    }

    @Test
    void aSingleRowPageEndsWhenItsOverlappingFollowUpHoldsOnlyThatRow() {
        assertFalse(last("w1", 0, 100, 1));
        assertTrue(last("w1", 0, 100, 1), "asked from one row early, the same single row: done");
    }

    @Test
    void aWindowReadAgainFromZeroIsNoFollowUp() {
        assertFalse(last("w1", 0, 100, 15));
        assertFalse(last("w1", 0, 100, 15), "asked from 0 again (rows moved): not the follow-up");
        assertEquals(0, limits.cap(CALLS), "so it teaches no cap");
        assertTrue(last("w1", 15, 100, 0));
    }

    @Test
    void aPageLongerThanTheLearnedCapForgetsIt() {
        assertFalse(last("w1", 0, 100, 15));
        assertFalse(last("w1", 15, 100, 15));
        assertEquals(15, limits.cap(CALLS));
        assertFalse(last("w2", 0, 100, 40), "CINNOX lifted its cap");
        assertEquals(0, limits.cap(CALLS));
        assertEquals(40, limits.largest(CALLS));
        assertTrue(last("w3", 0, 100, 39));
    }

    @Test
    void emptyPagesAreFinalAndEndpointsLearnApart() {
        assertTrue(last("w1", 0, 100, 0));
        assertFalse(last("w1", 0, 100, 100));
        assertFalse(limits.last("sms-detail", "w1", PageRequest.of(0, 100), 30), "sms-detail learned nothing yet");
        assertTrue(last("w2", 0, 100, 30));
        assertEquals(0, limits.largest("enquiry-chat"));
    }

    @Test
    void aSmallerLimitAskedLaterIsFullWhenAnsweredInFull() {
        assertFalse(last("w1", 0, 100, 100));
        assertFalse(limits.last(CALLS, "chat", PageRequest.of(0, 10), 10));
        assertTrue(limits.last(CALLS, "chat", PageRequest.of(10, 10), 9));
    }
}
