package io.kafkaconnect.cinnox.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageLimitsTest {

    private static final String CALLS = "call-detail";
    private static final String CHATS = "enquiry-chat";
    private final PageLimits limits = new PageLimits(PageLimitScope.ENDPOINT);
    private final PageLimits account = new PageLimits(PageLimitScope.ACCOUNT);

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

    @Test
    void inEndpointScopeALongPageOfOneEndpointProvesNothingForAnother() {
        assertFalse(last("w1", 0, 500, 500));
        assertTrue(last("w1", 500, 500, 120));
        assertFalse(limits.last(CHATS, "e1", PageRequest.of(0, 500), 37), "chats showed nothing yet: 37 may be a cap");
        assertTrue(limits.last(CHATS, "e1", PageRequest.of(37, 500), 0));
        assertEquals(1, limits.probes());
    }

    @Test
    void inAccountScopeALongPageOfAnyEndpointMakesShorterPagesOfEveryEndpointFinal() {
        assertFalse(account.last(CALLS, "w1", PageRequest.of(0, 500), 500));
        assertTrue(account.last(CALLS, "w1", PageRequest.of(500, 500), 120));
        assertTrue(account.last(CHATS, "e1", PageRequest.of(0, 500), 37), "shorter than the 500 call-detail showed");
        assertTrue(account.last("sent-campaigns-detail", "c1", PageRequest.of(0, 500), 499));
        assertEquals(0, account.probes(), "no follow-up at all");
        assertEquals(500, account.largest(CHATS));
    }

    @Test
    void inAccountScopeAShortPageAsLongAsAnyYetIsStillFollowedUp() {
        assertFalse(account.last(CALLS, "w1", PageRequest.of(0, 500), 40));
        assertTrue(account.last(CALLS, "w1", PageRequest.of(40, 500), 0));
        assertTrue(account.last(CHATS, "e1", PageRequest.of(0, 500), 39));
        assertFalse(account.last(CHATS, "e2", PageRequest.of(0, 500), 40), "a tie with the account's longest");
        assertFalse(account.last(CHATS, "e3", PageRequest.of(0, 500), 41), "longer than any page yet");
        assertEquals(3, account.probes(), "the first page, the tie, the longer one");
    }

    @Test
    void inAccountScopeACapLearnedOnOneEndpointHoldsForEveryEndpoint() {
        assertFalse(account.last(CALLS, "w1", PageRequest.of(0, 100), 15));
        assertFalse(account.last(CALLS, "w1", PageRequest.of(15, 100), 15), "more rows: CINNOX accepts 15");
        assertEquals(15, account.cap(CHATS));
        assertFalse(account.last(CHATS, "e1", PageRequest.of(0, 100), 15), "a chat page of 15 is full");
        assertTrue(account.last(CHATS, "e1", PageRequest.of(15, 100), 14));
        assertTrue(account.last(CHATS, "e2", PageRequest.of(0, 100), 3));
        assertEquals(1, account.probes(), "the one follow-up that learned the cap");
        assertFalse(account.last(CHATS, "e3", PageRequest.of(0, 100), 60), "CINNOX lifted its cap");
        assertEquals(0, account.cap(CALLS), "forgotten for every endpoint");
    }

    @Test
    void inAccountScopeOpenPagesStayWithTheirEndpoint() {
        assertFalse(account.last(CALLS, "w1", PageRequest.of(0, 100), 15));
        assertFalse(account.last("call-log", "w1", PageRequest.of(15, 100), 15),
                "the same window of another endpoint is no follow-up of call-detail's page");
        assertEquals(0, account.cap(CALLS));
        assertFalse(account.last(CALLS, "w1", PageRequest.of(15, 100), 15), "call-detail's own follow-up");
        assertEquals(15, account.cap(CALLS));
    }
}
