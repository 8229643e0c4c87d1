package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.WindowLimits;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.PluginGauges;
import io.kafkaconnect.cinnox.metrics.ProgressLog;
import io.kafkaconnect.cinnox.metrics.TaskMetrics;
import io.kafkaconnect.cinnox.metrics.TaskProgress;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.poll.CountingApi;
import io.kafkaconnect.cinnox.poll.PollContext;
import io.kafkaconnect.cinnox.poll.Pollers;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.RecordMaker;
import io.kafkaconnect.cinnox.poll.UnitScheduler;
import io.kafkaconnect.cinnox.schedule.Sleeper;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.ClientSettings;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.report.ReportFormats;
import io.kafkaconnect.cinnox.webhook.EnquiryEventReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls CINNOX for the units of work the connector gave this task: each poll returns the records of the
 * steps that ended, with the offsets to resume from, and sends due steps and child pages ahead, each with a
 * permit from the account's shared budget, several at once (see {@link StepRunner}). The task owns its
 * waiting: poll() never blocks for more than about a second.
 */
public class CinnoxSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CinnoxSourceTask.class);

    static final Duration MAX_BLOCK = Duration.ofSeconds(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Function<ClientSettings, CinnoxApi> apiFactory;
    private final BudgetSource budgets;

    /** Where a task gets its membership of the account's request budget. */
    @FunctionalInterface
    interface BudgetSource {
        RateBudget.Lease join(String accountKey, double requestsPerMinute);
    }

    private CinnoxApi api;
    private UnitScheduler scheduler;
    private volatile StepRunner runner;
    private RateBudget.Lease budget;
    private TaskStats stats;
    private TaskProgress progress;
    private PluginGauges metrics;
    private ProgressLog progressLog;
    private volatile ReceiverHost events;
    private volatile BudgetLedger ledger;
    private volatile RefusedCredentials refusals;

    public CinnoxSourceTask() {
        this(Clock.systemUTC(), Sleeper.SYSTEM, CinnoxClient::new, RateBudget::join);
    }

    CinnoxSourceTask(Clock clock, Sleeper sleeper, Function<ClientSettings, CinnoxApi> apiFactory,
            BudgetSource budgets) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.apiFactory = apiFactory;
        this.budgets = budgets;
        this.events = ReceiverHost.none(clock, sleeper);
    }

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        CinnoxTaskConfig task = CinnoxTaskConfig.parse(props);
        CinnoxSourceConfig config = task.connector();
        stats = new TaskStats();
        api = new CountingApi(apiFactory.apply(config.clientSettings(clock)), stats);
        RecordMaker maker = new RecordMaker(config, clock, new ConversionIssues(), stats);
        PollContext ctx = PollContext.of(task, api, ReportFormats.create(config.recordingUrlMode()), maker, stats, clock);
        WindowLimits windowLimits = ctx.planner().limits();
        scheduler = new UnitScheduler(Pollers.load(task.units(), context.offsetStorageReader(), ctx),
                config.retryBackoffMax());
        progress = new TaskProgress(scheduler.units(), stats, clock, config.settle(), config.reports());
        budget = budgets.join(config.accountKey(), task.requestsPerMinute());
        metrics = TaskMetrics.register(PluginGauges.of(context::pluginMetrics), progress, budget);
        progressLog = new ProgressLog(log, progress, stats, scheduler.units(), clock.instant());
        ledger = BudgetLedger.start(task, budget, context.offsetStorageReader(), maker, clock);
        refusals = RefusedCredentials.of(task, budget, api, ledger, clock);
        runner = new StepRunner(scheduler, budget, windowLimits, stats, config.maxInFlightRequests(),
                "cinnox-task");
        if (task.receiver()) {
            events = ReceiverHost.start(task, ctx, api, budget.budget(), context.offsetStorageReader(), clock, sleeper);
        }
        log.info("CINNOX task started with {} units, {} requests per minute of the account's budget: {}",
                task.units().size(), String.format("%.1f", task.requestsPerMinute()), task.units());
    }

    /** The records of the units and events, and the task's budget state when it changed (see {@link BudgetLedger}). */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = pollUnits();
        BudgetLedger budgetLedger = ledger;
        SourceRecord state = budgetLedger == null ? null : budgetLedger.take();
        if (state == null) {
            return records;
        }
        List<SourceRecord> all = records == null ? new ArrayList<>() : new ArrayList<>(records);
        all.add(state);
        return all;
    }

    private List<SourceRecord> pollUnits() throws InterruptedException {
        RateBudget.Lease lease = budget;
        StepRunner steps = runner;
        ReceiverHost host = events;
        if (lease == null || steps == null) {
            return null;
        }
        host.failIfCredentialsRefused();
        refusals.failIfRefused(clock.instant());
        List<SourceRecord> received = host.received();
        if (!received.isEmpty()) {
            return received;
        }
        Instant now = clock.instant();
        progressLog.logIfDue(now, host::progress, steps::isRunning);
        List<SourceRecord> reread = host.reread(now, lease.budget());
        if (!reread.isEmpty()) {
            return reread;
        }
        StepRunner.Round round;
        try {
            round = steps.round(now, MAX_BLOCK);
        } catch (CredentialsRefused refused) {
            return refusals.announce(refused, now);
        }
        if (!round.records().isEmpty()) {
            return round.records();
        }
        awaitWork(round, steps, lease.budget(), now);
        return null;
    }

    /** Nothing to return: waits for the paused budget, an answer in flight or the next due unit, at most a second. */
    private void awaitWork(StepRunner.Round round, StepRunner steps, RateBudget budget, Instant now)
            throws InterruptedException {
        if (round.sent().throttled() && budget.isPaused()) {
            idleUntil(budget.pausedUntil(), now);
        } else if (round.sent().throttled()) {
            // The next permit is more than the limiter's wait away (a small share): wait, rather than spin.
            awaitAnswerOrIdle(round, steps, now.plus(MAX_BLOCK), now);
        } else if (round.sent().requests() == 0 && steps.inFlight() > 0) {
            steps.awaitAnswer(round.answersSeen(), MAX_BLOCK);
        } else if (round.sent().requests() == 0) {
            idleUntil(scheduler.nextDueAt(now), now);
        }
    }

    private void awaitAnswerOrIdle(StepRunner.Round round, StepRunner steps, Instant until, Instant now)
            throws InterruptedException {
        if (steps.inFlight() > 0) {
            steps.awaitAnswer(round.answersSeen(), MAX_BLOCK);
        } else {
            idleUntil(until, now);
        }
    }

    /** Waits for the next due unit; a receiving task wakes as soon as an event arrives. */
    private void idleUntil(Instant until, Instant now) throws InterruptedException {
        Duration wait = Duration.between(now, until);
        if (wait.compareTo(MAX_BLOCK) > 0) {
            wait = MAX_BLOCK;
        }
        wait = wait.isNegative() || wait.isZero() ? Duration.ofMillis(10) : wait;
        events.idle(wait);
    }

    /**
     * Answers the sender of an enquiry event once Connect wrote its record. Connect also calls this with
     * null metadata for a record a transformation dropped or, with errors.tolerance=all, failed to write;
     * those senders get a 200 as well, as the user chose to let such records go.
     */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        events.committed(record);
    }

    /** The enquiry event receiver, or null unless this task hosts it. */
    EnquiryEventReceiver receiver() {
        return events.receiver();
    }

    public TaskStats stats() {
        return stats;
    }

    /**
     * Idempotent; cancels the requests in flight and shuts their threads down, so that a poll waiting on CINNOX
     * returns at once and no answer becomes a record after this.
     */
    @Override
    public void stop() {
        BudgetLedger budgetLedger = ledger;
        ledger = null;
        if (budgetLedger != null) {
            budgetLedger.close();
        }
        events.close();
        CinnoxApi client = api;
        if (client != null) {
            client.close();
        }
        StepRunner steps = runner;
        runner = null;
        if (steps != null) {
            steps.close();
        }
        PluginGauges gauges = metrics;
        metrics = null;
        if (gauges != null) {
            gauges.close();
        }
        RateBudget.Lease lease = budget;
        budget = null;
        if (lease != null) {
            lease.close();
        }
    }
}
