package io.kafkaconnect.cinnox.client;

/**
 * One {@code offset}/{@code limit} page of a paged report. The API allows at most 500 records per
 * page. The page after it starts at {@code offset} plus the elements CINNOX returned, never plus
 * {@code limit}: CINNOX may return fewer than asked without saying so ({@link Page#nextRequest()}).
 */
public record PageRequest(int offset, int limit) {

    /** Largest {@code limit} the API accepts. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public static PageRequest of(int offset, int limit) {
        return new PageRequest(offset, limit);
    }
}
