package io.kafkaconnect.cinnox.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.budget.LoanView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM's cap per clock minute with loans out and in: shares less loans held plus loans usable. */
class RateBudgetLoansTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:10Z");
    private static final long M = NOW.toEpochMilli() / 60_000;

    private static Loan loan(int borrower, long n, long from, long to) {
        return new Loan(borrower, n, from, to, "gen1");
    }

    @Test
    void aLenderKeepsItsLoanOutFromItsDecisionThroughAMinuteAfterItsEnd() {
        RateBudget budget = new RateBudget("key", new MinuteClock(NOW));
        try (RateBudget.Lease lender = budget.join(300)) {
            lender.setLoans(new LoanView(List.of(loan(1, 290, M + 2, M + 3)), List.of()));
            assertEquals(10.0, budget.capIn(M), 1e-9, "held from the minute it decided");
            assertEquals(10.0, budget.capIn(M + 4), 1e-9, "and a minute past the loan's last");
            assertEquals(300.0, budget.capIn(M + 5), 1e-9, "the whole share is back after that");
            assertEquals(300.0, budget.capIn(M - 1), 1e-9);
            assertEquals(10.0, budget.requestsPerMinute(), 1e-9, "the current minute's figure");
        }
    }

    @Test
    void aBorrowerUsesALoanOnlyInItsMinutesAndTheJvmAddsItToTheShares() {
        MinuteClock clock = new MinuteClock(NOW);
        RateBudget budget = new RateBudget("key", clock);
        try (RateBudget.Lease borrower = budget.join(150); RateBudget.Lease sibling = budget.join(50)) {
            borrower.setLoans(new LoanView(List.of(), List.of(loan(0, 290, M + 2, M + 3))));
            assertEquals(200.0, budget.capIn(M + 1), 1e-9);
            assertEquals(490.0, budget.capIn(M + 2), 1e-9);
            assertEquals(490.0, budget.capIn(M + 3), 1e-9);
            assertEquals(200.0, budget.capIn(M + 4), 1e-9, "no use after the loan's last minute");
            clock.toMinute(M + 2);
            assertEquals(490.0, budget.requestsPerMinute(), 1e-9, "the figure follows the clock minute");
            sibling.close();
            assertEquals(440.0, budget.requestsPerMinute(), 1e-9, "a task leaving takes its share, not the loan");
        }
    }

    @Test
    void loansOutNeverTakeMoreThanTheShare() {
        RateBudget budget = new RateBudget("key", new MinuteClock(NOW));
        try (RateBudget.Lease successor = budget.join(100); RateBudget.Lease other = budget.join(40)) {
            successor.setLoans(new LoanView(List.of(loan(1, 200, M, M + 2), loan(2, 50, M, M + 2)), List.of()));
            assertEquals(40.0, budget.capIn(M), 1e-9, "a smaller successor holds back its whole share, not more");
        }
    }

    @Test
    void theMinuteCapCountsAgainstTheFigureOfTheMinuteAndALoanUsableLaterCountsThen() {
        MinuteClock clock = new MinuteClock(NOW);
        RateBudget budget = new RateBudget("key", clock);
        try (RateBudget.Lease lender = budget.join(6000)) {
            lender.setLoans(new LoanView(List.of(loan(1, 5999, M + 2, M + 2)), List.of()));
            assertTrue(budget.tryAcquire(Duration.ofMillis(200)));
            assertTrue(budget.isPaused(), "one request left in this minute while the loan is held");
            assertFalse(budget.tryAcquire(Duration.ofMillis(200)));
            assertEquals(Instant.ofEpochMilli((M + 1) * 60_000), budget.pausedUntil());
            clock.toMinute(M + 4);
            assertFalse(budget.isPaused(), "the share is back two minutes after the loan's last");
            assertEquals(6000.0, budget.requestsPerMinute(), 1e-9);
        }
    }

    @Test
    void aTaskWithoutAShareSendsOnlyInTheMinutesOfItsLoan() {
        MinuteClock clock = new MinuteClock(NOW);
        RateBudget budget = new RateBudget("key", clock);
        try (RateBudget.Lease borrower = budget.join(0)) {
            borrower.setLoans(new LoanView(List.of(), List.of(loan(0, 6000, M + 5, M + 5))));
            assertTrue(budget.isPaused(), "no share and no loan usable yet");
            clock.toMinute(M + 5);
            assertFalse(budget.isPaused());
            assertTrue(budget.tryAcquire(Duration.ofMillis(200)), "the loan is usable in its minute");
            clock.toMinute(M + 6);
            assertTrue(budget.isPaused(), "and not after");
        }
    }

    @Test
    void aLeaseCountsItsTaskPermitsAndRefusalsPerMinute() {
        MinuteClock clock = new MinuteClock(NOW);
        RateBudget budget = new RateBudget("key", clock);
        try (RateBudget.Lease lease = budget.join(1)) {
            assertTrue(lease.tryAcquire(Duration.ofMillis(200)));
            for (int i = 0; i < 25; i++) {
                assertFalse(lease.tryAcquire(Duration.ZERO));
            }
            clock.toMinute(M + 1);
            assertEquals(1, lease.usage(M + 1).usedLastMinute());
            assertEquals(1, lease.usage(M + 1).peakRecent());
            assertTrue(lease.usage(M + 1).wants(), "refused 25 times last minute");
            assertFalse(lease.usage(M + 3).wants());
        }
    }
}
