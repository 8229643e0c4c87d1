package io.kafkaconnect.cinnox.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the next generation of task shares so that the budget holds while the old generation is being
 * replaced. Connect stops task {@code i} before it starts the new task {@code i}, but the tasks of
 * different workers are replaced in no set order; so any mix of old and new tasks must fit, which holds
 * when the sum over task indexes of {@code max(old, new)} is at most the budget. Shares shrink at once;
 * they grow only into what the old generation left free, so a move from idle to busy tasks takes two
 * generations. Pure.
 */
public final class ShareHandover {

    private final int budget;

    public ShareHandover(int requestsPerMinute) {
        this.budget = requestsPerMinute;
    }

    /**
     * The shares of the next generation, in task order: {@code target} where it does not grow, and growth
     * apportioned (in whole requests per minute) within the budget the old generation leaves free. A task
     * index new in this generation may get 0 when nothing is free: it waits for the next generation.
     *
     * @param previous the running generation's shares by task index; empty when unknown (the connector
     *     has just started), in which case the target is taken as it is
     * @param target the wanted shares, summing to at most the budget
     */
    public List<Double> next(List<Double> previous, List<Double> target) {
        if (previous.isEmpty()) {
            return List.copyOf(target);
        }
        double free = budget;
        for (double share : previous) {
            free -= share;
        }
        long[] wanted = new long[target.size()];
        for (int i = 0; i < target.size(); i++) {
            double growth = target.get(i) - shareOf(previous, i);
            wanted[i] = growth > 0 ? (long) Math.floor(growth) : 0;
        }
        long total = ShareAllocator.sum(wanted);
        long[] growth = total <= free ? wanted : ShareAllocator.apportion((long) Math.floor(Math.max(0, free)), wanted);
        List<Double> next = new ArrayList<>(target.size());
        for (int i = 0; i < target.size(); i++) {
            double old = shareOf(previous, i);
            next.add(target.get(i) <= old ? target.get(i) : old + growth[i]);
        }
        return next;
    }

    /**
     * What the connector as a whole may send per minute while {@code previous} is being replaced by
     * {@code next}: the sum over task indexes of the larger of the two shares.
     */
    public static double worstMix(List<Double> previous, List<Double> next) {
        double sum = 0;
        for (int i = 0; i < Math.max(previous.size(), next.size()); i++) {
            sum += Math.max(shareOf(previous, i), shareOf(next, i));
        }
        return sum;
    }

    private static double shareOf(List<Double> shares, int index) {
        return index < shares.size() ? shares.get(index) : 0.0;
    }
}
