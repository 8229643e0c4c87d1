package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.poll.CredentialsAlarm;
import java.time.Instant;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** A refused token fails the other tasks of the same worker and token at once, and no task started after it. */
class RefusedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final String ADVICE = "CINNOX rejected the App Token: check cinnox.app.token";

    @Test
    void theRefusedTaskFailsAtOnceWithoutALedgerAndItsNeighboursWithTheSameTokenFailAtTheirNextPoll() {
        CredentialsAlarm alarm = new CredentialsAlarm();
        RefusedCredentials refused = new RefusedCredentials(alarm, "token-1", T0, null);
        RefusedCredentials idle = new RefusedCredentials(alarm, "token-1", T0, null);
        RefusedCredentials otherToken = new RefusedCredentials(alarm, "token-2", T0, null);
        RefusedCredentials startedLater = new RefusedCredentials(alarm, "token-1", T0.plusSeconds(10), null);
        assertDoesNotThrow(idle::failIfRefused);

        CredentialsRefused refusal = new CredentialsRefused(ADVICE, null);
        assertSame(refusal, assertThrows(CredentialsRefused.class, () -> refused.announce(refusal, T0.plusSeconds(5))));

        ConnectException failed = assertThrows(ConnectException.class, idle::failIfRefused);
        assertTrue(failed.getMessage().contains("cinnox.app.token"), failed.getMessage());
        assertDoesNotThrow(otherToken::failIfRefused, "a connector with another token on the same App goes on");
        assertDoesNotThrow(startedLater::failIfRefused, "a task restarted after the refusal (a new token) goes on");
    }

    @Test
    void theFingerprintIsOneWayAndStable() {
        String fingerprint = RefusedCredentials.fingerprint("token-1");
        assertEquals(64, fingerprint.length());
        assertEquals(fingerprint, RefusedCredentials.fingerprint("token-1"));
        assertTrue(!fingerprint.contains("token"));
    }
}
