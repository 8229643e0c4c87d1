package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.CinnoxMetric;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.UnitPlanner;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.ClientSettings;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Runs real tasks against the simulator on simulated time, the way a worker would: start with stored
 * offsets, poll, store the offsets of each batch, stop. Every loop is bounded.
 */
public final class TaskHarness {

    final CinnoxSimulator sim;
    final SimulatedTime time;
    final InMemoryOffsets offsets = new InMemoryOffsets();
    public final List<SourceRecord> emitted = new ArrayList<>();
    /** The worker's metrics registry, when tasks get plugin metrics; see {@link #withMetrics()}. */
    Metrics metrics;
    private final Map<String, String> props;
    private final Instant historyStart;

    public TaskHarness(CinnoxSimulator sim, Instant historyStart, Map<String, String> overrides) {
        this.sim = sim;
        this.time = new SimulatedTime(sim.clock());
        this.historyStart = historyStart;
        SimAccount account = sim.defaultAccount();
        Map<String, String> p = new HashMap<>();
        p.put(CinnoxSourceConfig.BASE_URL_CONFIG, sim.baseUrl());
        p.put(CinnoxSourceConfig.APP_ID_CONFIG, account.appId());
        p.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, account.token());
        p.put("history.start", historyStart.toString());
        p.put("backfill.chunk.days", "1");
        p.put("window.settle.ms", Long.toString(Duration.ofMinutes(30).toMillis()));
        p.put("poll.interval.ms", "60000");
        p.put("lookback.ms", Long.toString(Duration.ofDays(1).toMillis()));
        p.put("lookback.sweep.interval.ms", Long.toString(Duration.ofMinutes(15).toMillis()));
        p.put("heartbeat.interval.ms", "60000");
        p.putAll(overrides);
        this.props = p;
    }

    /** Gives the tasks started from now on plugin metrics tagged as a worker would (connector, task). */
    public TaskHarness withMetrics() {
        metrics = new Metrics();
        return this;
    }

    /** The value of a task's metric, as a reporter reads it; null when the task has no such metric. */
    public Object metric(int task, CinnoxMetric metric, Report report) {
        Map<String, String> tags = new java.util.LinkedHashMap<>(workerTags(task));
        if (report != null) {
            tags.put(CinnoxMetric.REPORT_TAG, report.apiName());
        }
        KafkaMetric found = metrics.metric(new MetricName(metric.metricName(), "plugins", "", tags));
        return found == null ? null : found.metricValue();
    }

    private static Map<String, String> workerTags(int task) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("connector", "cinnox");
        tags.put("task", Integer.toString(task));
        return tags;
    }

    public CinnoxSourceConfig config() {
        return new CinnoxSourceConfig(props);
    }

    /** The units of work still to do, as the connector would find them. */
    public List<WorkUnit> unitsToDo() {
        CinnoxSourceConfig config = config();
        UnitPlanner planner = new UnitPlanner(config.appId(), config.reports(), historyStart, config.backfillChunk());
        return planner.unitsToDo(time.instant(),
                unit -> UnitCursor.fromOffset(unit.report().kind(), offsets.offset(unit.toPartition())));
    }

    /** Starts one task per group of units still to do, as the connector would deal them. */
    public List<CinnoxSourceTask> startTasks(int maxTasks) {
        return startTasks(maxTasks, CinnoxClient::new);
    }

    /** As {@link #startTasks(int)}, each task's client made by {@code api} (to delay or watch its calls). */
    public List<CinnoxSourceTask> startTasks(int maxTasks, Function<ClientSettings, CinnoxApi> api) {
        List<CinnoxSourceTask> tasks = new ArrayList<>();
        for (List<WorkUnit> group : UnitPlanner.assign(unitsToDo(), maxTasks)) {
            Map<String, String> taskProps = CinnoxTaskConfig.taskProps(props, group, 500.0 / maxTasks, historyStart);
            CinnoxSourceTask task = new CinnoxSourceTask(time, time, api,
                    (key, rpm) -> new RateBudget(key, time).join(1_000_000));
            task.initialize(offsets.context(taskProps,
                    metrics == null ? null : new PluginMetricsImpl(metrics, workerTags(tasks.size()))));
            task.start(taskProps);
            tasks.add(task);
        }
        return tasks;
    }

    /** Starts one task with exactly {@code units}, finished or not, as if the connector had dealt them. */
    public CinnoxSourceTask startTask(List<WorkUnit> units) {
        return startTask(units, new RateBudget("worker", time));
    }

    /**
     * Starts one task with exactly {@code units} on the worker JVM whose budget of the account is {@code worker}:
     * tasks started with the same budget share a worker.
     */
    public CinnoxSourceTask startTask(List<WorkUnit> units, RateBudget worker) {
        Map<String, String> taskProps = CinnoxTaskConfig.taskProps(props, units, 500.0, historyStart);
        CinnoxSourceTask task = new CinnoxSourceTask(time, time, CinnoxClient::new,
                (key, rpm) -> worker.join(1_000_000));
        task.initialize(offsets.context(taskProps));
        task.start(taskProps);
        return task;
    }

    /**
     * Starts a task that hosts the enquiry event receiver and has no units (as task 0 with tasks.max > 1),
     * with {@code webhook} (the receiver's settings) on top of the harness's settings.
     */
    public CinnoxSourceTask startReceiver(Map<String, String> webhook) {
        Map<String, String> all = new HashMap<>(props);
        all.putAll(webhook);
        Map<String, String> taskProps = CinnoxTaskConfig.taskProps(all, List.of(), 500.0, historyStart, true);
        CinnoxSourceTask task = new CinnoxSourceTask(time, time, CinnoxClient::new,
                (key, rpm) -> new RateBudget(key, time).join(1_000_000));
        task.initialize(offsets.context(taskProps));
        task.start(taskProps);
        return task;
    }

    /** Polls the tasks in turn until simulated time reaches {@code end} or {@code maxPolls} polls. */
    public int run(List<CinnoxSourceTask> tasks, Instant end, int maxPolls) throws InterruptedException {
        int polls = 0;
        while (polls < maxPolls && time.instant().isBefore(end)) {
            for (CinnoxSourceTask task : tasks) {
                List<SourceRecord> records = task.poll();
                polls++;
                if (records != null) {
                    offsets.commit(records);
                    emitted.addAll(records);
                }
            }
        }
        return polls;
    }

    /** Polls at most {@code polls} times whatever the time (to stop a task mid-way). */
    public void pollTimes(CinnoxSourceTask task, int polls) throws InterruptedException {
        for (int i = 0; i < polls; i++) {
            List<SourceRecord> records = task.poll();
            if (records != null) {
                offsets.commit(records);
                emitted.addAll(records);
            }
        }
    }

    /** The keys of the records emitted to the topic of {@code report}. */
    public Set<String> keys(String report) {
        return recordsOf("cinnox." + report).stream().map(r -> (String) r.key()).collect(Collectors.toSet());
    }

    /** Every row the simulator holds for {@code report} from the history start to {@code cutoff} was emitted. */
    public void assertComplete(String report, String idField, Instant cutoff) {
        Set<String> missing = sim.truth().records(report, historyStart, cutoff).stream()
                .map(n -> n.path(idField).asText()).collect(Collectors.toCollection(TreeSet::new));
        int expected = missing.size();
        missing.removeAll(keys(report));
        System.out.printf("%s: %d rows, %d missing%n", report, expected, missing.size());
        org.junit.jupiter.api.Assertions.assertTrue(expected > 0, report + ": the simulator holds records");
        org.junit.jupiter.api.Assertions.assertTrue(missing.isEmpty(), report + ": " + missing.size() + " of "
                + expected + " missing, such as " + missing.stream().limit(10).toList());
    }

    public static void stop(List<CinnoxSourceTask> tasks) {
        tasks.forEach(CinnoxSourceTask::stop);
    }

    public List<SourceRecord> recordsOf(String topic) {
        return emitted.stream().filter(r -> r.topic().equals(topic)).toList();
    }
}
