package io.kafkaconnect.cinnox.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one task publishes of its budget, as the source offset of its own partition
 * {@code {"cinnox.budget": "<index>"}}, so that tasks on other workers can lend to it and the task that
 * replaces it honours its loans. Small: a few numbers and the loans still held.
 *
 * @param generation the generation of task configurations of the task that published it
 * @param share its share of requests per minute
 * @param used the requests it took in its last full clock minute
 * @param wants whether it had due work waiting for permits in its last or current minute
 * @param minute the clock minute it was published in
 * @param loans the loans it gave (or honours) that are still held
 * @param refusedAt when CINNOX refused the App Token to this task (epoch milliseconds), 0 when it did not: the
 *     other tasks, which may have nothing to send, fail too (written only when not 0)
 * @param pool the id of the worker JVM's rate budget the task joined (random, never a secret), so that the
 *     connector sees which tasks pool their shares (see {@link Placement}); empty when not known (written only
 *     when not empty, and read as empty when absent)
 */
public record BudgetState(String generation, long share, long used, boolean wants, long minute, List<Loan> loans,
        long refusedAt, String pool) {

    /** The key of the budget partitions; a unit's partition always has "app", so the two never collide. */
    public static final String PARTITION_KEY = "cinnox.budget";
    static final int VERSION = 1;

    public BudgetState {
        loans = List.copyOf(loans);
        pool = pool == null ? "" : pool;
    }

    public BudgetState(String generation, long share, long used, boolean wants, long minute, List<Loan> loans) {
        this(generation, share, used, wants, minute, loans, 0L, "");
    }

    /** This state, saying that CINNOX refused the App Token at {@code atMillis}. */
    public BudgetState withRefusedAt(long atMillis) {
        return new BudgetState(generation, share, used, wants, minute, loans, atMillis, pool);
    }

    /** This state, naming the worker JVM's rate budget the task joined. */
    public BudgetState withPool(String id) {
        return new BudgetState(generation, share, used, wants, minute, loans, refusedAt, id);
    }

    public static Map<String, Object> partition(int index) {
        return Map.of(PARTITION_KEY, Integer.toString(index));
    }

    public Map<String, Object> toOffset() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("v", VERSION);
        offset.put("gen", generation);
        offset.put("share", share);
        offset.put("used", used);
        offset.put("wants", wants);
        offset.put("minute", minute);
        List<String> parts = new ArrayList<>(loans.size());
        loans.forEach(loan -> parts.add(loan.encode()));
        offset.put("loans", String.join(";", parts));
        if (refusedAt > 0) {
            offset.put("refusedAt", refusedAt);
        }
        if (!pool.isEmpty()) {
            offset.put("pool", pool);
        }
        return offset;
    }

    /** @throws IllegalArgumentException when the offset is not a budget state this version reads */
    public static BudgetState fromOffset(Map<String, ?> offset) {
        if (!(offset.get("v") instanceof Number v) || v.intValue() != VERSION) {
            throw new IllegalArgumentException("a budget state needs \"v\": " + VERSION + ", got " + offset.get("v"));
        }
        List<Loan> loans = new ArrayList<>();
        String text = string(offset, "loans");
        if (!text.isEmpty()) {
            for (String part : text.split(";")) {
                loans.add(Loan.decode(part));
            }
        }
        if (!(offset.get("wants") instanceof Boolean wants)) {
            throw new IllegalArgumentException("a budget state needs a boolean \"wants\"");
        }
        long refusedAt = offset.get("refusedAt") == null ? 0L : number(offset, "refusedAt");
        String pool = offset.get("pool") == null ? "" : string(offset, "pool");
        return new BudgetState(string(offset, "gen"), number(offset, "share"), number(offset, "used"), wants,
                number(offset, "minute"), loans, refusedAt, pool);
    }

    /** The state in {@code offset}, or empty when there is none or it cannot be read (it is then ignored). */
    public static Optional<BudgetState> read(Map<String, ?> offset) {
        if (offset == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromOffset(offset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String string(Map<String, ?> offset, String key) {
        if (!(offset.get(key) instanceof String text)) {
            throw new IllegalArgumentException("a budget state needs a string \"" + key + "\"");
        }
        return text;
    }

    private static long number(Map<String, ?> offset, String key) {
        if (!(offset.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("a budget state needs a number \"" + key + "\"");
        }
        return n.longValue();
    }
}
