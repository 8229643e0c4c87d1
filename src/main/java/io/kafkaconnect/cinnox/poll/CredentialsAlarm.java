package io.kafkaconnect.cinnox.poll;

import java.util.Optional;

/**
 * A refused App Token seen by one task of this worker JVM, kept beside the account's {@link RateBudget}, so that
 * the account's other tasks here with the same token learn of it at once, without a request of their own (a task
 * with nothing due would otherwise learn of it only at its next request). The token is known here only by a
 * one-way fingerprint, and a task started after the refusal (a restart with a new token) is not told.
 */
public final class CredentialsAlarm {

    private record Raised(String tokenFingerprint, RefusalNotice notice) {
    }

    private volatile Raised raised;

    /** Records that CINNOX refused the token with this fingerprint, as {@code notice} says. */
    public void raise(String tokenFingerprint, RefusalNotice notice) {
        raised = new Raised(tokenFingerprint, notice);
    }

    /** The latest refusal of the same token at or after {@code startedMillis}, if there was one. */
    public Optional<RefusalNotice> raisedSince(String tokenFingerprint, long startedMillis) {
        Raised seen = raised;
        if (seen == null || !seen.tokenFingerprint().equals(tokenFingerprint)
                || seen.notice().atMillis() < startedMillis) {
            return Optional.empty();
        }
        return Optional.of(seen.notice());
    }
}
