package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.client.ApiEndpoint;
import io.kafkaconnect.cinnox.client.ApiFailure;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.RateLimitedException;
import io.kafkaconnect.cinnox.client.RetriableApiException;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.poll.MinuteClock;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.RecordMaker;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A task that hears of a refused token from another task, through its JVM or the budget states, checks the token
 * with one request of its own: it fails when CINNOX refuses it too, goes on when the token was restored meanwhile,
 * and asks again later after a transient failure. Budget states travel through an in-memory offsets store.
 */
class RefusedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:10Z");
    private static final ApiEndpoint PROBED = ApiEndpoint.report("enquiry-detail");

    private final MinuteClock clock = new MinuteClock(T0);
    private final InMemoryOffsets offsets = new InMemoryOffsets();

    /** The probe's answers in turn (null: a page, the token works; past the end: a page), and the count sent. */
    private static final class Answers implements Runnable {
        private final List<RuntimeException> script = new ArrayList<>();
        int sent;

        Answers then(RuntimeException failure) {
            script.add(failure);
            return this;
        }

        @Override
        public void run() {
            RuntimeException next = sent < script.size() ? script.get(sent) : null;
            sent++;
            if (next != null) {
                throw next;
            }
        }
    }

    private static FatalApiException invalidToken() {
        return new FatalApiException(new ApiFailure(PROBED, 401, 6452000, "Invalid token", null),
                FatalApiException.Reason.INVALID_TOKEN);
    }

    private static RetriableApiException serviceError() {
        return new RetriableApiException(new ApiFailure(PROBED, 502, 6451001, "Service error", null));
    }

    private RefusedCredentials task(RateBudget worker, String token, int index, Instant startedAt, BudgetLedger ledger,
            Answers answers) {
        return new RefusedCredentials(worker.credentials(), token, index, startedAt, ledger,
                new TokenProbe(answers, worker.join(6000)));
    }

    private BudgetLedger ledger(int index, RateBudget worker) {
        Map<String, String> props = new HashMap<>();
        props.put(CinnoxSourceConfig.BASE_URL_CONFIG, "http://127.0.0.1:9");
        props.put(CinnoxSourceConfig.APP_ID_CONFIG, "app-1");
        props.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, "token-1");
        props.put("history.start", "2026-01-01T00:00:00Z");
        CinnoxTaskConfig task = CinnoxTaskConfig.parse(CinnoxTaskConfig.withPlace(CinnoxTaskConfig.taskProps(props,
                List.of(), 150, Instant.EPOCH), new CinnoxTaskConfig.Place(index, 3, "g1")));
        RecordMaker maker = new RecordMaker(task.connector(), clock, new ConversionIssues(), new TaskStats());
        return new BudgetLedger(task.place(), 150, 150, worker.join(150), offsets, maker, clock);
    }

    /** Task 0, on a worker of its own, is refused and writes its budget state with the refusal. */
    private void announceThroughTheLedger(Instant at) {
        RateBudget worker = new RateBudget("key", clock);
        RefusedCredentials refused = task(worker, "token-1", 0, T0, ledger(0, worker), new Answers());
        List<SourceRecord> state = refused.announce(new CredentialsRefused("refused", invalidToken()), at);
        assertEquals(at.toEpochMilli(), BudgetState.fromOffset(state.get(0).sourceOffset()).refusedAt());
        offsets.commit(state);
        assertThrows(CredentialsRefused.class, () -> refused.failIfRefused(at.plusSeconds(1)),
                "the refused task fails at the poll after it wrote its state");
    }

    @Test
    void withoutALedgerTheRefusedTaskFailsAtOnceAndItsNeighboursWithTheSameTokenCheckTheTokenFirst() {
        RateBudget worker = new RateBudget("key", clock);
        Answers idleAnswers = new Answers().then(invalidToken());
        Answers notAsked = new Answers();
        RefusedCredentials refused = task(worker, "token-1", 0, T0, null, new Answers());
        RefusedCredentials idle = task(worker, "token-1", 1, T0, null, idleAnswers);
        RefusedCredentials otherToken = task(worker, "token-2", 2, T0, null, notAsked);
        RefusedCredentials startedLater = task(worker, "token-1", 3, T0.plusSeconds(10), null, notAsked);
        assertDoesNotThrow(() -> idle.failIfRefused(T0));

        CredentialsRefused refusal = new CredentialsRefused("CINNOX rejected the App Token: check cinnox.app.token",
                invalidToken());
        assertSame(refusal, assertThrows(CredentialsRefused.class, () -> refused.announce(refusal, T0.plusSeconds(5))));

        ConnectException failed = assertThrows(ConnectException.class, () -> idle.failIfRefused(T0.plusSeconds(6)));
        assertTrue(failed.getMessage().contains("cinnox.app.token") && failed.getMessage().contains("task 0"),
                failed.getMessage());
        assertEquals(1, idleAnswers.sent, "one request of its own");
        assertDoesNotThrow(() -> otherToken.failIfRefused(T0.plusSeconds(6)), "another token on the same App goes on");
        assertDoesNotThrow(() -> startedLater.failIfRefused(T0.plusSeconds(6)), "a task restarted after the refusal");
        assertEquals(0, notAsked.sent, "neither checks the token");
    }

    @Test
    void aRefusalReadAfterTheTokenWasRestoredIsCheckedOnceAndTheTaskGoesOn() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger idleLedger = ledger(1, worker);
        Answers restored = new Answers();
        RefusedCredentials idle = task(worker, "token-1", 1, T0, idleLedger, restored);
        announceThroughTheLedger(T0.plusSeconds(5));

        idleLedger.tick();
        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(12)), "CINNOX accepts the token again");
        assertEquals(1, restored.sent);
        for (int read = 0; read < 12; read++) {
            idleLedger.readStep();
            Instant now = T0.plusSeconds(15 + 5L * read);
            assertDoesNotThrow(() -> idle.failIfRefused(now));
        }
        assertEquals(1, restored.sent, "the same refusal, read again and again, is checked once");

        announceThroughTheLedger(T0.plusSeconds(100));
        idleLedger.readStep();
        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(101)));
        assertEquals(2, restored.sent, "a later refusal is checked again");
    }

    @Test
    void theSameRefusalHeardThroughTheJvmAndTheLedgerIsCheckedOnce() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger refusedLedger = ledger(0, worker);
        BudgetLedger idleLedger = ledger(1, worker);
        Answers restored = new Answers();
        RefusedCredentials refused = task(worker, "token-1", 0, T0, refusedLedger, new Answers());
        RefusedCredentials idle = task(worker, "token-1", 1, T0, idleLedger, restored);
        offsets.commit(refused.announce(new CredentialsRefused("refused", invalidToken()), T0.plusSeconds(5)));

        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(6)), "heard through the JVM");
        idleLedger.tick();
        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(11)), "and through the ledger");
        assertEquals(1, restored.sent);
    }

    @Test
    void aTaskWithNothingDueFailsAfterExactlyOneCheckWhenTheTokenIsStillRevoked() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger idleLedger = ledger(2, worker);
        Answers revoked = new Answers().then(invalidToken());
        RefusedCredentials idle = task(worker, "token-1", 2, T0, idleLedger, revoked);
        announceThroughTheLedger(T0.plusSeconds(5));
        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(6)), "not read yet: nothing sent");
        assertEquals(0, revoked.sent);

        idleLedger.readStep();
        ConnectException failed = assertThrows(ConnectException.class, () -> idle.failIfRefused(T0.plusSeconds(9)));
        String message = failed.getMessage();
        assertTrue(message.contains(CinnoxSourceConfig.APP_TOKEN_CONFIG)
                && message.contains(CinnoxSourceConfig.APP_ID_CONFIG), message);
        assertTrue(message.contains("task 0 of this connector at 2026-01-10T00:00:15Z"), message);
        assertFalse(message.contains("token-1"), "the token itself is never in the message");
        assertEquals(1, revoked.sent);
    }

    @Test
    void aTransientFailureOfTheCheckIsAskedAgainAfterABackoffAndNeverFailsTheTask() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger idleLedger = ledger(1, worker);
        Answers flaky = new Answers().then(serviceError());
        RefusedCredentials idle = task(worker, "token-1", 1, T0, idleLedger, flaky);
        announceThroughTheLedger(T0.plusSeconds(5));
        idleLedger.readStep();

        Instant failedAt = T0.plusSeconds(8);
        assertDoesNotThrow(() -> idle.failIfRefused(failedAt));
        assertDoesNotThrow(() -> idle.failIfRefused(failedAt.plus(TokenProbe.FIRST_RETRY.dividedBy(2))));
        assertEquals(1, flaky.sent, "not asked again before the backoff");
        assertDoesNotThrow(() -> idle.failIfRefused(failedAt.plus(TokenProbe.FIRST_RETRY)));
        assertEquals(2, flaky.sent, "asked again at a later poll: the token works");
        assertDoesNotThrow(() -> idle.failIfRefused(failedAt.plusSeconds(600)));
        assertEquals(2, flaky.sent);
    }

    @Test
    void aCheckThatKeepsFailingGivesUpAfterItsLastAttemptAndTheTaskGoesOn() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger idleLedger = ledger(1, worker);
        Answers down = new Answers();
        for (int i = 0; i < TokenProbe.MAX_ATTEMPTS; i++) {
            down.then(serviceError());
        }
        RefusedCredentials idle = task(worker, "token-1", 1, T0, idleLedger, down);
        announceThroughTheLedger(T0.plusSeconds(5));
        idleLedger.readStep();
        Instant now = T0.plusSeconds(8);
        for (int poll = 0; poll < 100; poll++) {
            Instant at = now.plusSeconds(10L * poll);
            assertDoesNotThrow(() -> idle.failIfRefused(at));
        }
        assertEquals(TokenProbe.MAX_ATTEMPTS, down.sent, "bounded");
    }

    @Test
    void aRateLimitedCheckPausesTheBudgetAndIsAskedAgainWhenCinnoxSays() {
        RateBudget worker = new RateBudget("key", clock);
        BudgetLedger idleLedger = ledger(1, worker);
        Instant retryAt = T0.plusSeconds(50);
        Answers limited = new Answers().then(new RateLimitedException(
                new ApiFailure(PROBED, 429, 6451010, "Too many requests", null), retryAt)).then(invalidToken());
        RefusedCredentials idle = task(worker, "token-1", 1, T0, idleLedger, limited);
        announceThroughTheLedger(T0.plusSeconds(5));
        idleLedger.readStep();

        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(8)));
        clock.set(T0.plusSeconds(20));
        assertTrue(worker.isPaused(), "the whole account waits, as after any 6451010");
        assertDoesNotThrow(() -> idle.failIfRefused(T0.plusSeconds(20)));
        assertEquals(1, limited.sent);
        clock.set(retryAt);
        assertThrows(ConnectException.class, () -> idle.failIfRefused(retryAt));
        assertEquals(2, limited.sent);
    }

    @Test
    void theFingerprintIsOneWayAndStable() {
        String fingerprint = RefusedCredentials.fingerprint("token-1");
        assertEquals(64, fingerprint.length());
        assertEquals(fingerprint, RefusedCredentials.fingerprint("token-1"));
        assertFalse(fingerprint.contains("token"));
    }
}
