package io.kafkaconnect.cinnox.budget;

import java.util.List;

/**
 * One task's loans as its worker's rate budget applies them: what it lends (kept out of its share, never
 * more than the share) and what it may borrow, per clock minute. Immutable.
 */
public record LoanView(List<Loan> lent, List<Loan> borrowed) {

    public static final LoanView NONE = new LoanView(List.of(), List.of());

    public LoanView {
        lent = List.copyOf(lent);
        borrowed = List.copyOf(borrowed);
    }

    /** Requests per minute kept out of a share of {@code share} in {@code minute}: at most the share. */
    public double heldOut(long minute, double share) {
        long held = 0;
        for (Loan loan : lent) {
            if (loan.heldIn(minute)) {
                held += loan.requests();
            }
        }
        return Math.min(share, held);
    }

    /** Requests per minute borrowed and usable in {@code minute}. */
    public long borrowedIn(long minute) {
        long sum = 0;
        for (Loan loan : borrowed) {
            if (loan.usableIn(minute)) {
                sum += loan.requests();
            }
        }
        return sum;
    }

    /** What a task with {@code share} may use in {@code minute}: its share less what it lent plus what it borrowed. */
    public double capIn(long minute, double share) {
        return share - heldOut(minute, share) + borrowedIn(minute);
    }
}
