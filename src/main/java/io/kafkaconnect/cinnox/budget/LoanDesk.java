package io.kafkaconnect.cinnox.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One task's side of lending between workers: it honours the loans of the task it replaced, takes the
 * loans other tasks of its generation address to it, and lends what it does not use to the tasks that
 * want more, evenly and in whole requests. Loans only ever grow longer while they last, never shorter,
 * so whatever version of its state another task read, the lender keeps that loan out of its own budget.
 * Pure and not thread-safe: the task's budget loop calls it.
 */
public final class LoanDesk {

    /** Requests per minute a lender always keeps for itself. */
    public static final long MIN_RESERVE = 10;
    /** How long past the current minute a loan made or renewed now lasts. */
    static final long TERM_MINUTES = 3;
    /** How old (in minutes) a wanting task's state may be for a lender to lend to it. */
    static final long FRESH_MINUTES = 2;
    /** How far ahead the spare is checked; loans this task makes end well before. */
    static final long LOOK_AHEAD_MINUTES = 16;

    private final int index;
    private final String generation;
    private long share;
    private List<Loan> lent = List.of();
    private List<Loan> borrowed = List.of();
    private final TreeSet<Integer> wanting = new TreeSet<>();

    /** @param share the task's whole share (the connector's shares are whole requests per minute) */
    public LoanDesk(int index, String generation, long share) {
        this.index = index;
        this.generation = generation;
        this.share = share;
    }

    /**
     * Takes over the loans of the task that ran at this index before (its last published state), so
     * that they stay out of this task's budget, up to its share, as long as their borrowers may use them.
     * A predecessor of another generation lent to tasks being replaced too: their successors may use the
     * same loans, in the same minutes, once this task gives them again in its own generation, within its
     * spare. That costs no more budget (one task at a time runs at an index, see {@link LoanView#held}) and
     * spares the borrower the wait for a new loan after every reconfiguration.
     */
    public void inherit(BudgetState predecessor, long minute) {
        List<Loan> kept = new ArrayList<>();
        for (Loan loan : predecessor.loans()) {
            if (loan.liveAt(minute)) {
                kept.add(loan);
            }
        }
        if (!generation.equals(predecessor.generation())) {
            kept.addAll(again(kept, minute));
        }
        lent = List.copyOf(kept);
    }

    /** The inherited loans still to be used, given again in this generation, within this task's spare. */
    private List<Loan> again(List<Loan> inherited, long minute) {
        List<Loan> given = new ArrayList<>();
        long room = share - MIN_RESERVE;
        for (Loan loan : inherited) {
            long requests = Math.min(loan.requests(), room);
            if (loan.borrower() != index && loan.toMinute() > minute && requests >= 1
                    && !generation.equals(loan.generation())) {
                given.add(new Loan(loan.borrower(), requests, loan.fromMinute(), loan.toMinute(), generation));
                room -= requests;
            }
        }
        return given;
    }

    /** Reads the other tasks' states: the loans addressed to this task, and who wants more. */
    public void observe(Map<Integer, BudgetState> others, long minute) {
        List<Loan> in = new ArrayList<>();
        wanting.clear();
        others.forEach((other, state) -> {
            if (other == index) {
                return;
            }
            for (Loan loan : state.loans()) {
                if (loan.borrower() == index && generation.equals(loan.generation()) && loan.toMinute() >= minute) {
                    in.add(loan);
                }
            }
            if (state.wants() && generation.equals(state.generation()) && state.minute() >= minute - FRESH_MINUTES) {
                wanting.add(other);
            }
        });
        borrowed = List.copyOf(in);
    }

    /**
     * Lends for the minutes ahead: drops the loans no longer held, and unless this task wants more itself,
     * renews and adds loans to the wanting tasks within its spare (share less reserve). A loan not renewed
     * ends at its last minute; nothing is ever taken back earlier.
     */
    public void decide(long minute, MinuteUsage.Usage usage) {
        decide(minute, usage, true);
    }

    /**
     * As above; {@code mayLend} false (a task that started moments ago, whose use is not counted yet and
     * which may well be busy) only keeps what it holds.
     */
    public void decide(long minute, MinuteUsage.Usage usage, boolean mayLend) {
        List<Loan> live = new ArrayList<>();
        for (Loan loan : lent) {
            if (loan.liveAt(minute)) {
                live.add(loan);
            }
        }
        long spare = share - Math.max(MIN_RESERVE, 2 * usage.peakRecent());
        if (mayLend && !usage.wants() && spare >= 1 && !wanting.isEmpty()) {
            lendTo(new ArrayList<>(wanting), spare, minute, live);
        }
        lent = List.copyOf(live);
    }

    private void lendTo(List<Integer> borrowers, long spare, long minute, List<Loan> live) {
        long each = spare / borrowers.size();
        long extra = spare % borrowers.size();
        for (int k = 0; k < borrowers.size(); k++) {
            int borrower = borrowers.get(k);
            long target = each + (k < extra ? 1 : 0);
            long renewed = 0;
            for (int i = 0; i < live.size(); i++) {
                Loan loan = live.get(i);
                if (loan.borrower() != borrower || !generation.equals(loan.generation()) || loan.toMinute() < minute
                        || renewed + loan.requests() > target) {
                    continue;
                }
                Loan longer = loan.extendedTo(minute + TERM_MINUTES);
                if (fitsWith(live, i, longer, spare, minute)) {
                    live.set(i, longer);
                    renewed += loan.requests();
                }
            }
            long more = Math.min(target - renewed, room(live, spare, minute));
            if (more >= 1) {
                live.add(new Loan(borrower, more, minute + Loan.LEAD_MINUTES, minute + TERM_MINUTES, generation));
            }
        }
    }

    private static boolean fitsWith(List<Loan> live, int at, Loan replacement, long spare, long minute) {
        List<Loan> trial = new ArrayList<>(live);
        trial.set(at, replacement);
        return room(trial, spare, minute) >= 0;
    }

    /** What is left of {@code spare} in the most-held minute from now until every loan has ended. */
    private static long room(List<Loan> loans, long spare, long minute) {
        long last = minute + TERM_MINUTES + 1;
        for (Loan loan : loans) {
            last = Math.max(last, Math.min(loan.toMinute() + 1, minute + LOOK_AHEAD_MINUTES));
        }
        long most = 0;
        for (long m = minute; m <= last; m++) {
            most = Math.max(most, LoanView.held(loans, m));
        }
        return spare - most;
    }

    /** Raises the share this task lends from (it grew to its target); a share never shrinks. */
    public void growTo(long target) {
        share = Math.max(share, target);
    }

    /**
     * Whether every other index of {@code count} runs a task of this generation, as the states last observed
     * show: each of them started, so the task it replaced had stopped (Connect stops task i before it
     * starts the new task i).
     */
    public boolean generationComplete(Map<Integer, BudgetState> others, int count) {
        for (int i = 0; i < count; i++) {
            BudgetState state = others.get(i);
            if (i != index && (state == null || !generation.equals(state.generation()))) {
                return false;
            }
        }
        return true;
    }

    /** The loans as the rate budget applies them. */
    public LoanView view() {
        return new LoanView(lent, borrowed);
    }

    /** The state to publish now. */
    public BudgetState state(long minute, MinuteUsage.Usage usage) {
        return new BudgetState(generation, share, usage.usedLastMinute(), usage.wants(), minute, lent);
    }

    public List<Loan> lent() {
        return lent;
    }

    public List<Loan> borrowed() {
        return borrowed;
    }
}
