package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.BacklogEstimate;
import io.kafkaconnect.cinnox.budget.DemandEstimator;
import io.kafkaconnect.cinnox.budget.Placement;
import io.kafkaconnect.cinnox.budget.TaskDealer;
import io.kafkaconnect.cinnox.schedule.Scheduler;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.ConnectorMetrics;
import io.kafkaconnect.cinnox.metrics.PluginGauges;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.webhook.SubscriptionRemoval;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.UnitPlanner;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.ClientSettings;
import io.kafkaconnect.cinnox.webhook.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams CINNOX Open API reports into Kafka. Splits the configured reports and history into units of
 * work (report x time chunk, see docs/design/connector.md), leaves out finished ones, and deals the rest
 * to at most {@code tasks.max} tasks, each with a share of the account's request budget that follows its
 * work (see {@link TaskDealer}).
 */
public class CinnoxSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(CinnoxSourceConnector.class);
    /**
     * How often the new-chunk check runs, and the share check once its interval has passed: a share check
     * run only once a minute would find the interval a few milliseconds short every other time.
     */
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final Clock clock;
    private final Function<ClientSettings, CinnoxApi> apiFactory;
    private Map<String, String> props;
    private CinnoxSourceConfig config;
    private Instant historyStart;
    private Scheduler monitor;
    private volatile ConnectorMetrics metrics;
    private volatile Chunk plannedChunk;
    private volatile String dealtGeneration = "";
    private final ShareReads reads = new ShareReads(CHECK_EVERY);
    private SubscriptionRemoval removal;
    private TaskDealer dealer;
    private DemandEstimator estimator;
    private BacklogEstimate backlog;

    public CinnoxSourceConnector() {
        this(Clock.systemUTC());
    }

    CinnoxSourceConnector(Clock clock) {
        this(clock, CinnoxClient::new);
    }

    CinnoxSourceConnector(Clock clock, Function<ClientSettings, CinnoxApi> apiFactory) {
        this.clock = clock;
        this.apiFactory = apiFactory;
    }

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new CinnoxSourceConfig(props);
        this.historyStart = resolveHistoryStart(config, clock.instant());
        this.backlog = new BacklogEstimate(historyStart, config.settle(), config.pageSize());
        this.estimator = new DemandEstimator(historyStart, config.settle(), config.pollInterval(), backlog);
        this.dealer = new TaskDealer(estimator, config.requestsPerMinute(), config.shareCheckInterval(),
                config.webhook().receiving(), config.shareLending());
        log.info("Starting CINNOX source connector {} from {}: {}", version(), historyStart, config.describe());
        metrics = new ConnectorMetrics(context() == null ? null : PluginGauges.of(context()::pluginMetrics));
        monitor = Scheduler.daemon("cinnox-chunk-monitor");
        monitor.repeat("task check", CHECK_EVERY, this::checkTasks);
        if (config.webhook().deregister()) {
            WebhookSettings webhook = config.webhook();
            String url = webhook.publicUrl() != null && webhook.secret() != null ? webhook.registeredUrl() : null;
            removal = new SubscriptionRemoval(apiFactory.apply(config.clientSettings(clock)), url);
            removal.start();
        }
    }

    /**
     * An instant is used as it is. A period (P30D) is counted back from now and rounded down to the start
     * of its chunk, so restarts within a chunk agree on it and no chunk is ever cut in the middle.
     */
    static Instant resolveHistoryStart(CinnoxSourceConfig config, Instant now) {
        Instant start = config.historyStart(now);
        return config.historyStartIsRelative() ? Chunk.containing(start, config.backfillChunk()).start() : start;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CinnoxSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        Instant now = clock.instant();
        reads.taken();
        plannedChunk = Chunk.containing(now, config.backfillChunk());
        UnitPlanner planner = unitPlanner();
        List<WorkUnit> all = planner.allUnits(now);
        Function<WorkUnit, UnitCursor> cursors = StoredCursors.read(context().offsetStorageReader(), all)::of;
        List<WorkUnit> todo = planner.unitsToDo(now, cursors);
        TaskDealer.Deal deal = dealer.deal(todo, maxTasks, cursors, ledgers(todo, cursors, now), now);
        List<Map<String, String>> configs = new ArrayList<>();
        List<List<WorkUnit>> groups = deal.plan().groups();
        String generation = generation(groups, deal.shares(), deal.targets());
        dealtGeneration = generation;
        for (int i = 0; i < groups.size(); i++) {
            boolean receiver = deal.plan().receiver() && i == 0;
            Map<String, String> task = CinnoxTaskConfig.taskProps(props, groups.get(i), deal.shares().get(i),
                    historyStart, receiver);
            task = CinnoxTaskConfig.withPlace(task, new CinnoxTaskConfig.Place(i, groups.size(), generation));
            configs.add(CinnoxTaskConfig.withTarget(task, deal.targets().get(i)));
        }
        if (metrics != null) {
            metrics.planned(all.size(), all.size() - todo.size(), configs.size());
        }
        log.info("{} units of work to do ({} finished) on {} tasks; shares of the requests per minute by task: {}"
                + " (growing to {} once the previous tasks have stopped)",
                todo.size(), all.size() - todo.size(), configs.size(), deal.shares(), deal.targets());
        return configs;
    }

    /**
     * Names a generation of task configurations by its units and shares (never by a secret), the same for the
     * same deal, so that Connect, which restarts tasks only when their configurations change, restarts none
     * for a deal that did not change; a loan is used only by tasks of its lender's generation.
     */
    static String generation(List<List<WorkUnit>> groups, List<Double> shares, List<Double> targets) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            text.append(i).append('=').append(shares.get(i)).append('/').append(targets.get(i)).append(':')
                    .append(WorkUnit.encodeAll(groups.get(i))).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The tallies of the stored buckets of the units behind; none when shares do not follow demand. */
    private Function<WorkUnit, List<LedgerTally>> ledgers(List<WorkUnit> todo, Function<WorkUnit, UnitCursor> cursors,
            Instant now) {
        backlog.retain(todo);
        if (config.shareCheckInterval().isZero()) {
            return unit -> List.of();
        }
        List<WorkUnit> behind = todo.stream().filter(unit -> estimator.behind(unit, cursors.apply(unit), now)).toList();
        return StoredLedgers.readOrNone(context().offsetStorageReader(), behind, config.lateSettings().grain(),
                historyStart, now);
    }

    private UnitPlanner unitPlanner() {
        return new UnitPlanner(config.appId(), config.reports(), historyStart, config.backfillChunk());
    }

    /**
     * Runs every {@link #CHECK_EVERY} on the monitor thread: asks Connect for new task configurations when a
     * new chunk began, or when the dealer finds the tasks should be dealt again (the demand moved the split,
     * see docs/design/connector.md, "Rate budget"); not again while Connect has not taken the last request
     * (up to a minute), which would hand out a second generation for the same change.
     */
    void checkTasks() {
        try {
            Instant now = clock.instant();
            Chunk current = Chunk.containing(now, config.backfillChunk());
            if (plannedChunk != null && !current.equals(plannedChunk)) {
                log.info("A new chunk began at {}; asking for new task configurations", current.text());
                plannedChunk = current;
                context().requestTaskReconfiguration();
                return;
            }
            if (!reads.due(now, dealer.checkDue(now), dealer.earlyCheck(now))) {
                return;
            }
            UnitPlanner planner = unitPlanner();
            Function<WorkUnit, UnitCursor> cursors = StoredCursors.read(context().offsetStorageReader(),
                    planner.allUnits(now))::of;
            List<WorkUnit> todo = planner.unitsToDo(now, cursors);
            Placement placement = StoredBudgets.placement(context().offsetStorageReader(), dealtGeneration,
                    dealer.shares().size());
            Optional<String> reason = dealer.reasonToDealAgain(todo, cursors, ledgers(todo, cursors, now), placement,
                    now);
            if (reason.isPresent()) {
                log.info("Asking for new task configurations: {}", reason.get());
                reads.asked(now);
                context().requestTaskReconfiguration();
            } else {
                dealer.watchedSizing().ifPresent(sizing -> log.info("The first deal was made before anything was "
                        + "read; {} of {} units behind are sized so far (it is dealt again once all are)",
                        sizing.sized(), sizing.behind()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the tasks' work and shares: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ConnectorMetrics published = metrics;
        metrics = null;
        if (published != null) {
            published.close();
        }
        Scheduler running = monitor;
        monitor = null;
        if (running != null) {
            running.close();
        }
        SubscriptionRemoval pending = removal;
        removal = null;
        if (pending != null) {
            pending.close();
        }
    }

    @Override
    public ConfigDef config() {
        return CinnoxSourceConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = CinnoxSourceConfig.validate(connectorConfigs);
        boolean valid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (valid) {
            new CredentialsCheck(clock).check(new CinnoxSourceConfig(connectorConfigs), result);
        }
        return result;
    }

    /**
     * Every unit's offset is a resume point that repeats nothing, and no unit is ever read by two tasks,
     * so on workers with exactly-once source support nothing is lost or written twice.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Checks offsets submitted through {@code PATCH /connectors/{name}/offsets} before Connect stores them. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        new OffsetsCheck(new CinnoxSourceConfig(connectorConfig)).check(offsets);
        return true;
    }
}
