package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real tasks on one worker against the simulator: one reads every report, the other has nothing due. When
 * CINNOX refuses the token to the reader, the idle task checks the token with one request of its own: it fails
 * while the token is revoked, and goes on when the token was restored before it looked.
 */
class RevokedTokenTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

    private CinnoxSimulator sim;
    private TaskHarness h;
    private CinnoxSourceTask reader;
    private CinnoxSourceTask idle;

    @BeforeEach
    void startTwoTasksOnOneWorker() throws InterruptedException {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        h = new TaskHarness(sim, NOW.minus(Duration.ofDays(2)), Map.of());
        RateBudget worker = new RateBudget("worker", h.time);
        reader = h.startTask(h.unitsToDo(), worker);
        idle = h.startTask(List.of(), worker);
        h.pollTimes(reader, 3);
        h.pollTimes(idle, 3);
        sim.faults().revokeToken(sim.defaultAccount().token());
        ConnectException refused = assertThrows(ConnectException.class, () -> h.pollTimes(reader, 50));
        assertTrue(refused.getMessage().contains(CinnoxSourceConfig.APP_TOKEN_CONFIG), refused.getMessage());
    }

    @AfterEach
    void stop() {
        TaskHarness.stop(List.of(reader, idle));
        sim.close();
    }

    @Test
    void theIdleTaskFailsAfterExactlyOneRequestWhileTheTokenIsRevoked() {
        long before = sim.requests().total();
        ConnectException failed = assertThrows(ConnectException.class, () -> h.pollTimes(idle, 5));
        assertTrue(failed.getMessage().contains(CinnoxSourceConfig.APP_TOKEN_CONFIG), failed.getMessage());
        assertFalse(failed.getMessage().contains(sim.defaultAccount().token()), "the token is never in a message");
        assertEquals(1, sim.requests().total() - before, "one request of its own, refused");
    }

    @Test
    void theIdleTaskGoesOnWhenTheTokenWasRestoredBeforeItChecked() {
        sim.faults().restoreToken(sim.defaultAccount().token());
        long before = sim.requests().total();
        assertDoesNotThrow(() -> h.pollTimes(idle, 30));
        assertEquals(1, sim.requests().total() - before, "checked once, not at every poll");
    }
}
