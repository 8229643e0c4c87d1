package io.kafkaconnect.cinnox.budget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return Math.min(share, held(lent, minute));
    }

    /**
     * What {@code loans} keep out of the lender's budget in {@code minute}: per borrowing index, the most
     * that one generation of loans to it holds, since only one task runs at an index at a time (Connect stops
     * task i before it starts the new task i) and it uses only loans of its own generation.
     */
    static long held(List<Loan> loans, long minute) {
        Map<Integer, Map<String, Long>> byBorrower = new HashMap<>();
        for (Loan loan : loans) {
            if (loan.heldIn(minute)) {
                byBorrower.computeIfAbsent(loan.borrower(), b -> new HashMap<>())
                        .merge(loan.generation(), loan.requests(), Long::sum);
            }
        }
        long held = 0;
        for (Map<String, Long> generations : byBorrower.values()) {
            held += generations.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        return held;
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
