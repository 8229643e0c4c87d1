package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests the connector estimates a unit has left, from the offsets a real task stores, against the
 * requests that task then sends ({@link BacklogEstimateRun}), in the shape of the skewed benchmark scaled down: a
 * 7-day and a ~5-day chunk of a report with children, the old one unread for its first 90 s, as task 1's enquiry
 * chunk was for three minutes in the benchmark behind a live unit served first; meanwhile only the live unit's
 * ledgers tell what a chunk holds.
 */
class BacklogEstimateTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-13T02:00:00Z");
    private static final Chunk LIVE = Chunk.containing(NOW, BacklogEstimateRun.CHUNK);
    private static final Chunk OLD = Chunk.containing(NOW.minus(BacklogEstimateRun.CHUNK), BacklogEstimateRun.CHUNK);
    private static final Instant HISTORY = OLD.start();

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    /** 60 enquiries a day spread evenly, each closed one queueing its chat; 3 pages a 7-day chunk, 300 requests a minute. */
    @Test
    void everyUnitIsWeighedWithinThirtyPercentOfTheRequestsItHasLeft() throws Exception {
        sim = start(Volume.none().withEnquiries(60));
        Map<String, Chunk> chunkOfEnquiry = chunksOf("enquiry-detail", "inquiry", "createdAt");
        BacklogEstimateRun run = new BacklogEstimateRun(sim, NOW, HISTORY, "enquiry-detail,enquiry-chat", 150, 300,
                r -> r.path().endsWith("/enquiry-detail") ? windowChunk(r)
                        : r.path().endsWith("/enquiry-chat") ? chunkOfEnquiry.get(r.query().get("enquiryID")) : null);
        int failures = run.failures(units(Report.ENQUIRY_DETAIL));
        assertTrue(failures == 0, failures + " samples out of bounds (see the table above)");
    }

    /**
     * 100 calls a day, one in six recorded (so one hour in two has no recording), a recording-file request each; 2
     * pages a 7-day chunk, 60 requests a minute. Counting children per row only over the hours that queue some
     * weighed the old chunk 196 requests where 116 were left (at 200 calls a day, as in the benchmark: 266 for 219).
     */
    @Test
    void recordingsAreWeighedWithinThirtyPercentThoughMostHoursHaveNone() throws Exception {
        sim = start(Volume.none().withCalls(100));
        Map<String, Chunk> chunkOfCall = chunksOf("call-detail", "callID", "callDate");
        BacklogEstimateRun run = new BacklogEstimateRun(sim, NOW, HISTORY, "call-detail,recording-file", 500, 60,
                r -> r.path().endsWith("/call-detail") ? windowChunk(r)
                        : r.path().endsWith("/recording-file") ? chunkOfCall.get(r.query().get("callID")) : null);
        int failures = run.failures(units(Report.CALL_DETAIL));
        assertTrue(failures == 0, failures + " samples out of bounds (see the table above)");
    }

    private static CinnoxSimulator start(Volume volume) {
        return CinnoxSimulator.start(SimulatorSettings.builder().seed(7).historyDays(16).volume(volume)
                .rateLimitPerMinute(1_000_000).fixedClock(NOW).port(0).build());
    }

    /** The chunk of each row of {@code report} over the run's history, by its id. */
    private Map<String, Chunk> chunksOf(String report, String idField, String timeField) {
        Map<String, Chunk> chunks = new HashMap<>();
        sim.truth().records(report, HISTORY, NOW).forEach(e -> chunks.put(e.path(idField).asText(),
                Chunk.containing(Instant.parse(e.path(timeField).asText()), BacklogEstimateRun.CHUNK)));
        return chunks;
    }

    private static Chunk windowChunk(RecordedRequest r) {
        return Chunk.containing(Instant.parse(r.query().get("startAt")), BacklogEstimateRun.CHUNK);
    }

    private List<WorkUnit> units(Report report) {
        String app = sim.defaultAccount().appId();
        return List.of(new WorkUnit(app, report, LIVE), new WorkUnit(app, report, OLD));
    }
}
