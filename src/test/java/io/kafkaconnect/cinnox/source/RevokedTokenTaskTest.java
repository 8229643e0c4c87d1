package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three real tasks on one worker against the simulator: two read half of the reports each, the third has nothing
 * due. When CINNOX refuses the token to the first reader, the others check the token with one request of their
 * own: they fail while the token is revoked, and go on when the token was restored before they looked.
 */
class RevokedTokenTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

    private CinnoxSimulator sim;
    private TaskHarness h;
    private CinnoxSourceTask reader;
    private CinnoxSourceTask busy;
    private CinnoxSourceTask idle;

    @BeforeEach
    void startTwoTasksOnOneWorker() throws InterruptedException {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(11).historyDays(3).volume(Volume.perDay(60)).fixedClock(NOW).port(0).build());
        h = new TaskHarness(sim, NOW.minus(Duration.ofDays(2)), Map.of());
        RateBudget worker = new RateBudget("worker", h.time);
        List<WorkUnit> units = h.unitsToDo();
        reader = h.startTask(units.subList(0, units.size() / 2), worker);
        busy = h.startTask(units.subList(units.size() / 2, units.size()), worker);
        idle = h.startTask(List.of(), worker);
        h.pollTimes(reader, 3);
        h.pollTimes(idle, 3);
        sim.faults().revokeToken(sim.defaultAccount().token());
        ConnectException refused = assertThrows(ConnectException.class, () -> h.pollTimes(reader, 50));
        assertTrue(refused.getMessage().contains(CinnoxSourceConfig.APP_TOKEN_CONFIG), refused.getMessage());
    }

    @AfterEach
    void stop() {
        TaskHarness.stop(List.of(reader, busy, idle));
        sim.close();
    }

    @Test
    void theIdleTaskFailsAfterExactlyOneRequestWhileTheTokenIsRevoked() {
        int before = sim.requests().all().size();
        ConnectException failed = assertThrows(ConnectException.class, () -> h.pollTimes(idle, 5));
        assertTrue(failed.getMessage().contains(CinnoxSourceConfig.APP_TOKEN_CONFIG), failed.getMessage());
        assertFalse(failed.getMessage().contains(sim.defaultAccount().token()), "the token is never in a message");
        assertEquals(1, checksSince(before), "one request of its own, refused");
    }

    @Test
    void theOtherTasksGoOnWhenTheTokenWasRestoredBeforeTheyChecked() {
        sim.faults().restoreToken(sim.defaultAccount().token());
        int before = sim.requests().all().size();
        assertDoesNotThrow(() -> h.pollTimes(idle, 30));
        assertEquals(1, checksSince(before), "checked once, not at every poll");

        int emitted = h.emitted.size();
        assertDoesNotThrow(() -> h.pollTimes(busy, 50));
        assertTrue(h.emitted.size() > emitted, "the other reader (no request of its own in flight at the"
                + " revocation, it would fail on that answer) checks the token, then reads on");
    }

    /**
     * The token checks (one row, {@code limit=1}) the simulator received after the first {@code before} requests. The
     * refused reader's other pages may still arrive after it failed (they were in flight), so requests are told apart
     * by their limit, not counted in all.
     */
    private long checksSince(int before) {
        List<RecordedRequest> all = sim.requests().all();
        return all.subList(before, all.size()).stream().filter(r -> "1".equals(r.query().get("limit"))).count();
    }
}
