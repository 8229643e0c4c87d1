package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code heartbeat.interval.ms=0} (no heartbeats while a unit works) a unit that finishes still
 * stores its finished cursor, so a restarted task does not read the chunk again (issue 9, point 7).
 */
class HeartbeatOffTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(3));

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aFinishedUnitIsStoredAsFinishedAndNotReadAgainAfterARestart() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(5).historyDays(4).volume(Volume.perDay(40)).fixedClock(NOW).port(0).build());
        String hour = Long.toString(Duration.ofHours(1).toMillis());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("heartbeat.interval.ms", "0", "reports", "sms-detail",
                "window.settle.ms", "120000", "lookback.ms", hour, "late.horizon.ms", hour));
        WorkUnit oldest = new WorkUnit(sim.defaultAccount().appId(), Report.SMS_DETAIL,
                Chunk.containing(HISTORY, Duration.ofDays(1)));

        List<CinnoxSourceTask> tasks = h.startTasks(1);
        h.run(tasks, NOW.plus(Duration.ofMinutes(30)), 200_000);
        TaskHarness.stop(tasks);

        Map<String, Object> stored = h.offsets.offset(oldest.toPartition());
        assertTrue(stored != null, "the oldest unit stored an offset");
        assertTrue(WindowCursor.fromOffset(stored).done(), "the committed offset says finished: " + stored);
        assertTrue(h.recordsOf("cinnox.sms-detail").size() > 0, "the unit read rows");

        long requestsBefore = sim.requests().total();
        int emittedBefore = h.emitted.size();
        CinnoxSourceTask restarted = h.startTask(List.of(oldest));
        h.pollTimes(restarted, 50);
        restarted.stop();
        assertEquals(requestsBefore, sim.requests().total(), "a restarted task asked CINNOX for a finished unit");
        assertEquals(emittedBefore, h.emitted.size(), "a restarted task wrote records for a finished unit");
    }
}
