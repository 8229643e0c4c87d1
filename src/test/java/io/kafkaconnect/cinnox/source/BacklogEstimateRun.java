package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.budget.BacklogEstimate;
import io.kafkaconnect.cinnox.budget.DemandEstimator;
import io.kafkaconnect.cinnox.budget.TaskPlan;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A real task on the simulator as a worker runs it (offsets flushed every 10 s, the task restarted every minute,
 * the old unit left unread for its first 90 s, as behind a live unit served first), the connector's estimate of
 * each unit's requests left sampled every 5 s against the requests the unit then really sent. Shared by the
 * estimate's task tests, one per report shape.
 */
final class BacklogEstimateRun {

    static final Duration CHUNK = Duration.ofDays(7);
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration FLUSH = Duration.ofSeconds(10);
    private static final Duration RESTART = Duration.ofMinutes(1);
    /** The old unit waits this long before its task reads it (the task restarts then with both units). */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration SAMPLE = Duration.ofSeconds(5);
    private static final Duration LENGTH = Duration.ofMinutes(8);
    /** Allowed error: 30% of the truth (as of the offsets flushed), and a few requests (those in flight). */
    private static final double RATIO = 0.3;
    private static final int SLACK = 10;
    /** A caught-up unit's requests in a minute: its live poll, a re-scan, the children of rows just closed. */
    private static final int LIVE_REQUESTS = 10;

    private final CinnoxSimulator sim;
    private final Instant now;
    private final Instant history;
    private final Map<String, String> props;
    private final int pageSize;
    private final int rate;
    private final Function<RecordedRequest, Chunk> chunkOf;

    /**
     * @param units the live unit first: the task starts with it alone, and with all from {@link #WAIT} on
     * @param reports the connector's {@code reports}
     * @param rate the requests a minute the task is served
     * @param chunkOf the chunk a request was sent for (null: none of the units')
     */
    BacklogEstimateRun(CinnoxSimulator sim, Instant now, Instant history, String reports, int pageSize, int rate,
            Function<RecordedRequest, Chunk> chunkOf) {
        this.sim = sim;
        this.now = now;
        this.history = history;
        this.pageSize = pageSize;
        this.rate = rate;
        this.chunkOf = chunkOf;
        this.props = Map.of("reports", reports, "backfill.chunk.days", Long.toString(CHUNK.toDays()),
                "window.settle.ms", Long.toString(SETTLE.toMillis()),
                "lookback.ms", Long.toString(Duration.ofDays(3).toMillis()), "page.size", Integer.toString(pageSize),
                "max.in.flight.requests", "1");
    }

    /**
     * One check: per unit, the requests sent so far, those sent when the offsets the connector reads were
     * flushed, and the connector's weight (0 when it is not behind); whether any unit's ledgers hold a row (before
     * that, nothing can size the units and the weights are not checked).
     */
    private record Sample(Instant at, Map<WorkUnit, Integer> sent, Map<WorkUnit, Integer> flushed,
            Map<WorkUnit, Long> weight, boolean anyRead) {
    }

    /** Runs the task, samples the estimate and prints each unit's table; the samples out of bounds, over all units. */
    int failures(List<WorkUnit> units) throws Exception {
        List<Sample> samples = run(units);
        int failures = 0;
        for (WorkUnit unit : units) {
            failures += check(unit, samples);
        }
        return failures;
    }

    private List<Sample> run(List<WorkUnit> units) throws Exception {
        TaskHarness h = new TaskHarness(sim, history, props);
        DemandEstimator estimator = new DemandEstimator(history, SETTLE, Duration.ofMinutes(1),
                new BacklogEstimate(history, SETTLE, pageSize));
        List<Sample> samples = new ArrayList<>();
        Worker worker = new Worker(h, units);
        Instant sampleAt = now;
        for (int polls = 0; polls < 50_000 && h.time.instant().isBefore(now.plus(LENGTH)); polls++) {
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
     * An at-least-once worker running the task: each request takes the time {@link #rate} gives it, offsets are
     * stored every {@link #FLUSH} and when the task stops, and the task restarts as the benchmark's did.
     */
    private final class Worker {

        private final TaskHarness h;
        private final List<WorkUnit> units;
        private final List<SourceRecord> unflushed = new ArrayList<>();
        private CinnoxSourceTask task;
        private Instant restartAt = now.plus(WAIT);
        private Instant flushAt = now.plus(FLUSH);
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
            h.time.sleep(Duration.ofMillis((sent - total) * 60_000L / rate));
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
        Instant at = h.time.instant();
        StoredCursors cursors = StoredCursors.read(h.offsets, units);
        StoredLedgers ledgers = StoredLedgers.read(h.offsets, units, Duration.ofHours(1), history, at);
        TaskPlan plan = TaskPlan.deal(units, units.size(), false, estimator, cursors::of, ledgers::of, at);
        Map<WorkUnit, Long> weight = new HashMap<>();
        for (int i = 0; i < plan.groups().size(); i++) {
            for (WorkUnit unit : plan.groups().get(i)) {
                weight.put(unit, plan.demands().get(i).backlogRequests());
            }
        }
        boolean anyRead = units.stream().anyMatch(u -> ledgers.of(u).stream().anyMatch(t -> t.rows() > 0));
        return new Sample(at, sentByUnit(units), flushed, weight, anyRead);
    }

    private Map<WorkUnit, Integer> sentByUnit(List<WorkUnit> units) {
        Map<WorkUnit, Integer> sent = new HashMap<>();
        units.forEach(u -> sent.put(u, 0));
        for (RecordedRequest r : sim.requests().all()) {
            Chunk chunk = chunkOf.apply(r);
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
