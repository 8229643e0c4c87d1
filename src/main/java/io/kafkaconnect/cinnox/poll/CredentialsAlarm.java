package io.kafkaconnect.cinnox.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * A refused App Token seen by one task of this worker JVM, kept beside the account's {@link RateBudget}, so
 * that the account's other tasks here with the same token fail at once, without a request of their own (a task
 * with nothing due would otherwise learn of it only at its next request). The token is known here only by a
 * one-way fingerprint, and a task started after the refusal (a restart with a new token) is not affected.
 */
public final class CredentialsAlarm {

    private record Refusal(String tokenFingerprint, Instant at, String message) {
    }

    private volatile Refusal refusal;

    /** Records that CINNOX refused the token with this fingerprint at {@code at}. */
    public void raise(String tokenFingerprint, Instant at, String message) {
        refusal = new Refusal(tokenFingerprint, at, message);
    }

    /** The message of a refusal of the same token at or after {@code startedAt}, if there was one. */
    public Optional<String> refusedSince(String tokenFingerprint, Instant startedAt) {
        Refusal seen = refusal;
        if (seen == null || !seen.tokenFingerprint().equals(tokenFingerprint) || seen.at().isBefore(startedAt)) {
            return Optional.empty();
        }
        return Optional.of(seen.message());
    }
}
