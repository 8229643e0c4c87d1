package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.BacklogEstimate;
import io.kafkaconnect.cinnox.budget.DemandEstimator;
import io.kafkaconnect.cinnox.budget.TaskPlan;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests the connector estimates a unit has left, from the offsets a real task stores, against the
 * requests that task then sends, in the shape of the skewed benchmark scaled down: a 7-day and a ~5-day chunk
 * of enquiries spread evenly (each closed one queueing its chat), 3 pages a 7-day chunk, a task served 300
 * requests a minute, offsets flushed every 10 s, the task restarted every minute. The old unit stays unread for
 * the first 90 s, as task 1's did for three minutes in the benchmark behind a live unit served first; meanwhile
 * only the live unit's ledgers tell what an enquiry chunk holds.
 */
class BacklogEstimateTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-13T02:00:00Z");
    private static final Duration CHUNK = Duration.ofDays(7);
    private static final Chunk LIVE = Chunk.containing(NOW, CHUNK);
    private static final Chunk OLD = Chunk.containing(NOW.minus(CHUNK), CHUNK);
    private static final Instant HISTORY = OLD.start();
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final int PER_DAY = 60;
    private static final int PAGE = 150;
    private static final int RATE = 300;
    private static final Duration FLUSH = Duration.ofSeconds(10);
    private static final Duration RESTART = Duration.ofMinutes(1);
    /** The old unit waits this long before its task reads it (the task restarts then with both units). */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration SAMPLE = Duration.ofSeconds(5);
    /** Allowed error: 30% of the truth (as of the offsets flushed), and a few requests (those in flight). */
    private static final double RATIO = 0.3;
    private static final int SLACK = 10;
    /** A caught-up unit's requests in a minute: its live poll, a re-scan, the chats of enquiries just closed. */
    private static final int LIVE_REQUESTS = 10;

    private CinnoxSimulator sim;
    private final Map<String, Chunk> chunkOfEnquiry = new HashMap<>();

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    /**
     * One check: per unit, the requests sent so far, those sent when the offsets the connector reads were
     * flushed, and the connector's weight (0 when it is not behind); whether any unit's ledgers hold a row (before
     * that, nothing can size the units and the weights are not checked).
     */
    private record Sample(Instant at, Map<WorkUnit, Integer> sent, Map<WorkUnit, Integer> flushed,
            Map<WorkUnit, Long> weight, boolean anyRead) {
    }

    @Test
    void everyUnitIsWeighedWithinThirtyPercentOfTheRequestsItHasLeft() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(7).historyDays(16)
                .volume(Volume.none().withEnquiries(PER_DAY)).rateLimitPerMinute(1_000_000).fixedClock(NOW).port(0)
                .build());
        sim.truth().records("enquiry-detail", HISTORY, NOW).forEach(e -> chunkOfEnquiry.put(e.path("inquiry").asText(),
                Chunk.containing(Instant.parse(e.path("createdAt").asText()), CHUNK)));
        String app = sim.defaultAccount().appId();
        List<WorkUnit> units = List.of(new WorkUnit(app, Report.ENQUIRY_DETAIL, LIVE),
                new WorkUnit(app, Report.ENQUIRY_DETAIL, OLD));
        List<Sample> samples = run(units);
        int failures = 0;
        for (WorkUnit unit : units) {
            failures += check(unit, samples);
        }
        assertTrue(failures == 0, failures + " samples out of bounds (see the table above)");
    }

    /**
     * Runs the task, at first with the live unit only (the old one waits, as behind another unit served first),
     * both from {@link #WAIT} on; samples what the connector would read every {@link #SAMPLE}.
     */
    private List<Sample> run(List<WorkUnit> units) throws Exception {
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("reports", "enquiry-detail,enquiry-chat",
                "backfill.chunk.days", "7", "window.settle.ms", Long.toString(SETTLE.toMillis()),
                "lookback.ms", Long.toString(Duration.ofDays(3).toMillis()), "page.size", Integer.toString(PAGE),
                "max.in.flight.requests", "1"));
        DemandEstimator estimator = new DemandEstimator(HISTORY, SETTLE, Duration.ofMinutes(1),
                new BacklogEstimate(HISTORY, SETTLE, PAGE));
        List<Sample> samples = new ArrayList<>();
        Worker worker = new Worker(h, units);
        Instant sampleAt = NOW;
        for (int polls = 0; polls < 50_000 && h.time.instant().isBefore(NOW.plus(Duration.ofMinutes(8))); polls++) {
            worker.poll();
            if (!h.time.instant().isBefore(sampleAt)) {
                samples.add(sample(h, estimator, units, worker.flushed));
                sampleAt = h.time.instant().plus(SAMPLE);
            }
        }
        worker.task.stop();
        return samples;
    }

    /**
     * An at-least-once worker running the task: each request takes the time {@link #RATE} gives it, offsets are
     * stored every {@link #FLUSH} and when the task stops, and the task restarts as the benchmark's did.
     */
    private final class Worker {

        private final TaskHarness h;
        private final List<WorkUnit> units;
        private final List<SourceRecord> unflushed = new ArrayList<>();
        private CinnoxSourceTask task;
        private Instant restartAt = NOW.plus(WAIT);
        private Instant flushAt = NOW.plus(FLUSH);
        private long total = sim.requests().total();
        /** The requests of each unit when the offsets were last stored. */
        private Map<WorkUnit, Integer> flushed;

        Worker(TaskHarness h, List<WorkUnit> units) {
            this.h = h;
            this.units = units;
            this.task = h.startTask(units.subList(0, 1));
            this.flushed = sentByUnit(units);
        }

        void poll() throws InterruptedException {
            List<SourceRecord> records = task.poll();
            if (records != null) {
                unflushed.addAll(records);
            }
            long sent = sim.requests().total();
            h.time.sleep(Duration.ofMillis((sent - total) * 60_000L / RATE));
            total = sent;
            if (!h.time.instant().isBefore(restartAt)) {
                task.stop();
                flush();
                task = h.startTask(units);
                restartAt = h.time.instant().plus(RESTART);
            }
            if (!h.time.instant().isBefore(flushAt)) {
                flush();
            }
        }

        private void flush() {
            h.offsets.commit(unflushed);
            unflushed.clear();
            flushed = sentByUnit(units);
            flushAt = h.time.instant().plus(FLUSH);
        }
    }

    /** What the connector reads now: the units dealt one a task, so each task's backlog is one unit's weight. */
    private Sample sample(TaskHarness h, DemandEstimator estimator, List<WorkUnit> units,
            Map<WorkUnit, Integer> flushed) {
        Instant now = h.time.instant();
        StoredCursors cursors = StoredCursors.read(h.offsets, units);
        StoredLedgers ledgers = StoredLedgers.read(h.offsets, units, Duration.ofHours(1), HISTORY, now);
        TaskPlan plan = TaskPlan.deal(units, units.size(), false, estimator, cursors::of, ledgers::of, now);
        Map<WorkUnit, Long> weight = new HashMap<>();
        for (int i = 0; i < plan.groups().size(); i++) {
            for (WorkUnit unit : plan.groups().get(i)) {
                weight.put(unit, plan.demands().get(i).backlogRequests());
            }
        }
        boolean anyRead = units.stream().anyMatch(u -> ledgers.of(u).stream().anyMatch(t -> t.rows() > 0));
        return new Sample(now, sentByUnit(units), flushed, weight, anyRead);
    }

    /** Requests of each unit: its enquiry pages by their window, the chats by their enquiry's chunk. */
    private Map<WorkUnit, Integer> sentByUnit(List<WorkUnit> units) {
        Map<WorkUnit, Integer> sent = new HashMap<>();
        units.forEach(u -> sent.put(u, 0));
        for (RecordedRequest r : sim.requests().all()) {
            Chunk chunk = null;
            if (r.path().endsWith("/enquiry-detail")) {
                chunk = Chunk.containing(Instant.parse(r.query().get("startAt")), CHUNK);
            } else if (r.path().endsWith("/enquiry-chat")) {
                chunk = chunkOfEnquiry.get(r.query().get("enquiryID"));
            }
            for (WorkUnit unit : units) {
                if (unit.chunk().equals(chunk)) {
                    sent.merge(unit, 1, Integer::sum);
                }
            }
        }
        return sent;
    }

    /**
     * Prints the unit's samples until it caught up (from then on it sends at most a live unit's few requests in any
     * minute; a unit waiting behind another sends few too, but not for the rest of the run) and counts those whose
     * weight is out of bounds.
     */
    private static int check(WorkUnit unit, List<Sample> samples) {
        int perMinute = (int) (Duration.ofMinutes(1).toMillis() / SAMPLE.toMillis());
        int caughtUp = samples.size() - perMinute;
        while (caughtUp > 0 && samples.get(caughtUp - 1 + perMinute).sent().get(unit)
                - samples.get(caughtUp - 1).sent().get(unit) <= LIVE_REQUESTS) {
            caughtUp--;
        }
        assertTrue(caughtUp > 0 && caughtUp < samples.size() - 2 * perMinute, unit + " did not catch up for good");
        int done = samples.get(caughtUp).sent().get(unit);
        System.out.printf("%s: %d requests until caught up at %s%n", unit, done, samples.get(caughtUp).at());
        int failures = 0;
        for (Sample s : samples.subList(0, caughtUp)) {
            int truth = done - s.flushed().get(unit);
            long weight = s.weight().getOrDefault(unit, 0L);
            boolean ok = !s.anyRead() || Math.abs(weight - truth) <= RATIO * truth + SLACK;
            failures += ok ? 0 : 1;
            System.out.printf("  %s  sent %4d  estimate %5d  truth %5d%s%n", s.at(), s.sent().get(unit), weight, truth,
                    !s.anyRead() ? "  (nothing stored yet)" : ok ? "" : "  <- out of bounds");
        }
        return failures;
    }
}
