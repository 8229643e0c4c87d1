package io.kafkaconnect.cinnox.budget;

/**
 * Requests per minute one task lends another on a different worker between two reconfigurations. Minutes
 * are UTC clock minutes since the epoch, as CINNOX counts them. The borrower may use the loan only in
 * {@code [fromMinute, toMinute]}; the lender keeps it out of its own budget from two minutes before
 * {@code fromMinute} (when it decided) through {@code toMinute + 1}, a minute of guard on each side against
 * clock skew under a minute between workers.
 *
 * @param borrower the borrowing task's index
 * @param requests whole requests per minute lent
 * @param generation the generation of task configurations of the lender that made it; a borrower of another
 *     generation never uses it
 */
public record Loan(int borrower, long requests, long fromMinute, long toMinute, String generation) {

    /** Minutes between the lender's decision and the first minute the borrower may use a loan. */
    public static final long LEAD_MINUTES = 2;

    public Loan {
        if (borrower < 0 || requests < 1 || toMinute < fromMinute || generation == null
                || generation.isEmpty() || generation.contains(":") || generation.contains(";")) {
            throw new IllegalArgumentException("Not a loan: borrower " + borrower + ", " + requests
                    + " requests, minutes " + fromMinute + " to " + toMinute + ", generation " + generation);
        }
    }

    /** Whether the borrower may use it in {@code minute} (its own clock). */
    public boolean usableIn(long minute) {
        return minute >= fromMinute && minute <= toMinute;
    }

    /** Whether the lender (or the task that replaced it) keeps it out of its own budget in {@code minute}. */
    public boolean heldIn(long minute) {
        return minute >= fromMinute - LEAD_MINUTES && minute <= toMinute + 1;
    }

    /** Whether the lender must still keep it, and publish it, in {@code minute} or later. */
    public boolean liveAt(long minute) {
        return minute <= toMinute + 1;
    }

    public Loan extendedTo(long minute) {
        return minute <= toMinute ? this : new Loan(borrower, requests, fromMinute, minute, generation);
    }

    /** The loan with at most {@code cap} requests, or null when the cap is under one request. */
    public Loan cappedAt(long cap) {
        if (cap >= requests) {
            return this;
        }
        return cap < 1 ? null : new Loan(borrower, cap, fromMinute, toMinute, generation);
    }

    String encode() {
        return borrower + ":" + requests + ":" + fromMinute + ":" + toMinute + ":" + generation;
    }

    static Loan decode(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("a loan is borrower:requests:from:to:generation, got " + text);
        }
        return new Loan(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), parts[4]);
    }
}
