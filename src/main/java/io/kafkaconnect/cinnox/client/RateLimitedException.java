package io.kafkaconnect.cinnox.client;

import java.time.Instant;
import java.util.Objects;

/**
 * 6451010 "Too many requests": the per-minute budget of the service account is spent. {@link #retryAt()}
 * is the earliest instant a retry makes sense.
 */
public class RateLimitedException extends CinnoxApiException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public RateLimitedException(ApiFailure failure, Instant retryAt) {
        super(failure, null);
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    /** From {@code Retry-After} when the server sent one, else the next minute boundary of the client clock. */
    public Instant retryAt() {
        return retryAt;
    }
}
