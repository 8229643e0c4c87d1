package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoanDeskTest {

    private static final long M = 29_000_000;
    private static final MinuteUsage.Usage IDLE = new MinuteUsage.Usage(5, 8, false);
    private static final MinuteUsage.Usage BUSY = new MinuteUsage.Usage(150, 150, true);

    private static BudgetState wanting(String generation, long minute) {
        return new BudgetState(generation, 75, 75, true, minute, List.of());
    }

    @Test
    void anIdleTaskSplitsItsSpareEvenlyInWholeRequestsAmongTheTasksThatWantMore() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M), 2, wanting("g", M), 3, wanting("g", M - 1)), M);
        desk.decide(M, IDLE);
        // spare = 100 - max(10, 2 x 8) = 84: 28 each, starting two minutes on, for two minutes.
        assertEquals(List.of(new Loan(1, 28, M + 2, M + 3, "g"), new Loan(2, 28, M + 2, M + 3, "g"),
                new Loan(3, 28, M + 2, M + 3, "g")), desk.lent());
        assertEquals(84, desk.view().heldOut(M, 100), 1e-9, "held from the decision");
        assertEquals(0, desk.view().heldOut(M + 5, 100), 1e-9, "and back after the last minute and its guard");
    }

    @Test
    void aLoanShowsAsLentFromTheDecisionThroughItsGuardAndAsBorrowedInItsOwnMinutes() {
        LoanDesk lender = new LoanDesk(0, "g", 100);
        lender.observe(Map.of(1, wanting("g", M)), M);
        lender.decide(M, IDLE);
        LoanDesk borrower = new LoanDesk(1, "g", 75);
        borrower.observe(Map.of(0, lender.state(M, IDLE)), M + 1);
        // requests-lent and requests-borrowed read these, minute by minute: the loan of 84 is usable in
        // M + 2 and M + 3, and held by the lender from its decision in M through M + 4.
        long[] lent = {0, 84, 84, 84, 84, 84, 0};
        long[] borrowed = {0, 0, 0, 84, 84, 0, 0};
        for (int k = 0; k < lent.length; k++) {
            long minute = M - 1 + k;
            String at = String.format("in minute M%+d", k - 1);
            assertEquals(lent[k], lender.view().heldOut(minute, 100), 1e-9, "lent " + at);
            assertEquals(borrowed[k], borrower.view().borrowedIn(minute), "borrowed " + at);
        }
        assertEquals(5, lender.state(M, IDLE).used(), "the use it publishes is its last full minute's");
    }

    @Test
    void aTaskThatMayNotLendYetKeepsWhatItHoldsAndLendsNothingNew() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, new MinuteUsage.Usage(0, 0, false), false);
        assertTrue(desk.lent().isEmpty(), "no use counted yet: it may be busy");
        desk.decide(M, new MinuteUsage.Usage(0, 0, false), true);
        assertEquals(List.of(new Loan(1, 90, M + 2, M + 3, "g")), desk.lent());
        desk.decide(M + 1, new MinuteUsage.Usage(0, 0, false), false);
        assertEquals(List.of(new Loan(1, 90, M + 2, M + 3, "g")), desk.lent(), "kept, not renewed");
    }

    @Test
    void theRemainderGoesToTheLowestIndexes() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(2, wanting("g", M), 1, wanting("g", M)), M);
        desk.decide(M, new MinuteUsage.Usage(0, 0, false));
        assertEquals(List.of(new Loan(1, 45, M + 2, M + 3, "g"), new Loan(2, 45, M + 2, M + 3, "g")), desk.lent());
        desk = new LoanDesk(0, "g", 101);
        desk.observe(Map.of(2, wanting("g", M), 1, wanting("g", M)), M);
        desk.decide(M, new MinuteUsage.Usage(0, 0, false));
        assertEquals(46, desk.lent().get(0).requests());
        assertEquals(45, desk.lent().get(1).requests());
    }

    @Test
    void whileTheBorrowerStillWantsTheLoanIsRenewedByExtendingItsLastMinute() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, IDLE);
        desk.observe(Map.of(1, wanting("g", M + 1)), M + 1);
        desk.decide(M + 1, IDLE);
        assertEquals(List.of(new Loan(1, 84, M + 2, M + 4, "g")), desk.lent(), "one loan, longer, never a second");
    }

    @Test
    void aLenderThatWantsMoreOrSeesNoWantStopsRenewingAndGetsItsShareBackAfterTheGuard() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, IDLE);
        desk.decide(M + 1, BUSY);
        assertEquals(List.of(new Loan(1, 84, M + 2, M + 3, "g")), desk.lent(), "kept, not renewed");
        desk.decide(M + 4, BUSY);
        assertEquals(1, desk.lent().size(), "published through its last minute + 1");
        desk.decide(M + 5, BUSY);
        assertTrue(desk.lent().isEmpty());
        assertEquals(100, desk.view().capIn(M + 5, 100), 1e-9);
    }

    @Test
    void aLenderKeepsAReserveOfTwiceItsPeakUse() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, new MinuteUsage.Usage(30, 40, false));
        assertEquals(20, desk.lent().get(0).requests());
        desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, new MinuteUsage.Usage(50, 50, false));
        assertTrue(desk.lent().isEmpty(), "no spare at all");
    }

    @Test
    void aLenderNeverHoldsMoreThanItsSpareWhenTheWantingTasksChange() {
        LoanDesk desk = new LoanDesk(0, "g", 100);
        desk.observe(Map.of(1, wanting("g", M)), M);
        desk.decide(M, IDLE);
        desk.observe(Map.of(1, wanting("g", M + 1), 2, wanting("g", M + 1)), M + 1);
        desk.decide(M + 1, IDLE);
        for (long m = M; m <= M + 8; m++) {
            assertTrue(desk.view().heldOut(m, 1000) <= 84, "minute " + m + ": " + desk.lent());
        }
    }

    @Test
    void onlyFreshStatesOfTheSameGenerationGetLoansAndOnlyLoansOfItsGenerationAreUsed() {
        LoanDesk desk = new LoanDesk(0, "g2", 100);
        desk.observe(Map.of(1, wanting("g1", M), 2, wanting("g2", M - 3)), M);
        desk.decide(M, IDLE);
        assertTrue(desk.lent().isEmpty());
        BudgetState lender = new BudgetState("g1", 300, 0, false, M,
                List.of(new Loan(0, 50, M, M + 2, "g1"), new Loan(1, 50, M, M + 2, "g2")));
        LoanDesk borrower = new LoanDesk(0, "g2", 100);
        borrower.observe(Map.of(3, lender), M);
        assertTrue(borrower.borrowed().isEmpty(), "a loan of another generation, or to another task, is not used");
        LoanDesk sameGeneration = new LoanDesk(0, "g1", 100);
        sameGeneration.observe(Map.of(3, lender), M);
        assertEquals(150, sameGeneration.view().capIn(M, 100), 1e-9);
    }

    @Test
    void aSuccessorHonoursThePredecessorsLoansUpToItsOwnShareAndGivesThemAgainInItsGeneration() {
        BudgetState predecessor = new BudgetState("g1", 300, 0, false, M,
                List.of(new Loan(1, 200, M, M + 3, "g1"), new Loan(2, 50, M - 9, M - 2, "g1")));
        LoanDesk successor = new LoanDesk(0, "g2", 120);
        successor.inherit(predecessor, M + 1);
        assertEquals(List.of(new Loan(1, 200, M, M + 3, "g1"), new Loan(1, 110, M, M + 3, "g2")), successor.lent(),
                "ended loans are dropped; the live one is given again within the spare, same minutes");
        assertEquals(0, successor.view().capIn(M + 4, 120), 1e-9, "through the loan's last minute + 1");
        assertEquals(120, successor.view().capIn(M + 5, 120), 1e-9);
        successor.decide(M + 1, IDLE);
        assertEquals(2, successor.state(M + 1, IDLE).loans().size(), "published on, for its own successor");

        LoanDesk borrower = new LoanDesk(1, "g2", 50);
        borrower.observe(Map.of(0, successor.state(M + 1, IDLE)), M + 1);
        assertEquals(160, borrower.view().capIn(M + 2, 50), 1e-9, "the new borrower uses the loan given again");

        LoanDesk sameGeneration = new LoanDesk(0, "g1", 300);
        sameGeneration.inherit(predecessor, M + 1);
        assertEquals(List.of(new Loan(1, 200, M, M + 3, "g1")), sameGeneration.lent(), "a restart keeps its loans");
    }

    @Test
    void oneGenerationAtATimeUsesTheLoansToAnIndexSoTheLenderHoldsTheLargestNotTheSum() {
        LoanView view = new LoanView(List.of(new Loan(1, 200, M, M + 3, "g1"), new Loan(1, 110, M, M + 3, "g2"),
                new Loan(1, 5, M, M + 3, "g2"), new Loan(2, 7, M, M + 3, "g1")), List.of());
        assertEquals(207, view.heldOut(M, 1000), 1e-9);
    }

    @Test
    void budgetStatesRoundTripThroughTheirOffsetAndRefuseWhatTheyCannotRead() {
        BudgetState state = new BudgetState("ab12", 75, 60, true, M,
                List.of(new Loan(1, 20, M + 2, M + 3, "ab12"), new Loan(4, 7, M, M + 1, "ff00")));
        assertEquals(state, BudgetState.fromOffset(state.toOffset()));
        assertEquals(state.withPool("0a1b"), BudgetState.fromOffset(state.withPool("0a1b").toOffset()));
        assertEquals("", BudgetState.fromOffset(state.toOffset()).pool(), "a state without a pool reads as unknown");
        assertEquals(Map.of(BudgetState.PARTITION_KEY, "3"), BudgetState.partition(3));
        assertTrue(BudgetState.read(Map.of("v", 2)).isEmpty());
        assertTrue(BudgetState.read(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> BudgetState.fromOffset(Map.of("v", 1L, "gen", "g",
                "share", 1L, "used", 1L, "wants", true, "minute", 1L, "loans", "1:2:3")));
        assertThrows(IllegalArgumentException.class, () -> new Loan(1, 0, M, M, "g"));
        assertThrows(IllegalArgumentException.class, () -> new Loan(1, 1, M, M - 1, "g"));
    }
}
