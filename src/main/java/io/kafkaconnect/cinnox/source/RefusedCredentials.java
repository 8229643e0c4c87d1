package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.poll.CredentialsAlarm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a refused App Token fail every task of the connector within seconds, also the tasks with nothing to
 * send: the refused task tells the tasks of its worker JVM at once ({@link CredentialsAlarm}) and the tasks on
 * other workers through its budget state ({@link BudgetLedger}, read every few seconds), which it writes in
 * one more poll before it fails.
 */
final class RefusedCredentials {

    private static final Logger log = LoggerFactory.getLogger(RefusedCredentials.class);

    private final CredentialsAlarm alarm;
    private final String tokenFingerprint;
    private final Instant startedAt;
    private final BudgetLedger ledger;
    private volatile CredentialsRefused pending;

    RefusedCredentials(CredentialsAlarm alarm, String token, Instant startedAt, BudgetLedger ledger) {
        this.alarm = alarm;
        this.tokenFingerprint = fingerprint(token);
        this.startedAt = startedAt;
        this.ledger = ledger;
    }

    /** Fails the task when its own refusal is published, or another task saw the token refused after it started. */
    void failIfRefused() {
        CredentialsRefused own = pending;
        if (own != null) {
            throw own;
        }
        alarm.refusedSince(tokenFingerprint, startedAt).ifPresent(message -> {
            throw new ConnectException("Another task of this connector on this worker: " + message);
        });
        if (ledger != null) {
            ledger.refusalSeen().ifPresent(message -> {
                throw new ConnectException(message);
            });
        }
    }

    /**
     * This task was refused: tells the tasks of this JVM, and returns the budget state that tells the others,
     * to write before the task fails at its next poll; throws at once when there are no others to tell.
     */
    List<SourceRecord> announce(CredentialsRefused refused, Instant now) {
        alarm.raise(tokenFingerprint, now, refused.getMessage());
        SourceRecord state = ledger == null ? null : ledger.announceRefusal(now.toEpochMilli());
        if (state == null) {
            throw refused;
        }
        pending = refused;
        log.info("CINNOX refused the credentials; the task tells the connector's other tasks, then fails");
        return List.of(state);
    }

    /** A one-way fingerprint, so that only tasks with the same token fail; the token itself is not kept here. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
