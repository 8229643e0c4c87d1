package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.poll.CredentialsAlarm;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.RefusalNotice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a refused App Token reach every task of the connector within seconds, also the tasks with nothing to
 * send: the refused task tells the tasks of its worker JVM at once ({@link CredentialsAlarm}) and the tasks on
 * other workers through its budget state ({@link BudgetLedger}), which it writes in one more poll before it
 * fails. A task told so checks the token with one request of its own ({@link TokenProbe}) and fails only when
 * CINNOX refuses it too: the token may have been restored since, and the refused tasks restarted.
 */
final class RefusedCredentials {

    private static final Logger log = LoggerFactory.getLogger(RefusedCredentials.class);

    private final CredentialsAlarm alarm;
    private final String tokenFingerprint;
    private final int self;
    private final long startedMillis;
    private final BudgetLedger ledger;
    private final TokenProbe probe;
    private final Set<RefusalNotice> settled = new HashSet<>();
    private volatile CredentialsRefused pending;

    RefusedCredentials(CredentialsAlarm alarm, String token, int self, Instant startedAt, BudgetLedger ledger,
            TokenProbe probe) {
        this.alarm = alarm;
        this.tokenFingerprint = fingerprint(token);
        this.self = self;
        this.startedMillis = startedAt.toEpochMilli();
        this.ledger = ledger;
        this.probe = probe;
    }

    /** The refusals of a task that checks the token with {@code api} through its {@code lease}. */
    static RefusedCredentials of(CinnoxTaskConfig task, RateBudget.Lease lease, CinnoxApi api, BudgetLedger ledger,
            Clock clock) {
        return new RefusedCredentials(lease.budget().credentials(), task.connector().appToken().value(),
                task.place().index(), clock.instant(), ledger, TokenProbe.of(api, lease, clock));
    }

    /**
     * Fails the task when its own refusal is published; checks the token when another task was refused after
     * this one started, and fails when CINNOX refuses the check too. Each refusal is checked once.
     */
    void failIfRefused(Instant now) {
        CredentialsRefused own = pending;
        if (own != null) {
            throw own;
        }
        Set<RefusalNotice> open = unsettled();
        if (open.isEmpty()) {
            return;
        }
        String refusals = open.stream().map(RefusalNotice::toString).collect(Collectors.joining(", "));
        TokenProbe.Outcome outcome = probe.check(refusals, now);
        if (outcome == TokenProbe.Outcome.ACCEPTED) {
            log.info("CINNOX refused the App Token to {}, but accepts it now: the token was restored; the task goes on",
                    refusals);
        }
        if (outcome != TokenProbe.Outcome.LATER) {
            settled.addAll(open);
        }
    }

    /**
     * This task was refused: tells the tasks of this JVM, and returns the budget state that tells the others,
     * to write before the task fails at its next poll; throws at once when there are no others to tell.
     */
    List<SourceRecord> announce(CredentialsRefused refused, Instant now) {
        alarm.raise(tokenFingerprint, new RefusalNotice(self, now.toEpochMilli()));
        SourceRecord state = ledger == null ? null : ledger.announceRefusal(now.toEpochMilli());
        if (state == null) {
            throw refused;
        }
        pending = refused;
        log.info("CINNOX refused the credentials; the task tells the connector's other tasks, then fails");
        return List.of(state);
    }

    /** The refusals this task heard of, from its JVM or the budget states, and has not checked yet. */
    private Set<RefusalNotice> unsettled() {
        Set<RefusalNotice> heard = new LinkedHashSet<>();
        alarm.raisedSince(tokenFingerprint, startedMillis).ifPresent(heard::add);
        if (ledger != null) {
            heard.addAll(ledger.refusals());
        }
        heard.removeAll(settled);
        return heard;
    }

    /** A one-way fingerprint, so that only tasks with the same token hear of it; the token is not kept here. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
