package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.metrics.CinnoxMetric;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimAccount;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CinnoxSourceConnectorTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static CinnoxSimulator sim;
    private static SimAccount account;

    @BeforeAll
    static void start() {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(3).historyDays(1).volume(Volume.perDay(5)).fixedClock(NOW).port(0).build());
        account = sim.defaultAccount();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("cinnox.base.url", sim.baseUrl());
        props.put("cinnox.app.id", account.appId());
        props.put("cinnox.app.token", account.token());
        props.put("history.start", "2025-12-01T00:00:00Z");
        props.put("backfill.chunk.days", "7");
        return props;
    }

    private static CinnoxSourceConnector started(InMemoryOffsets offsets) {
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(context(offsets));
        connector.start(props());
        return connector;
    }

    private static SourceConnectorContext context(OffsetStorageReader offsets) {
        return context(offsets, null);
    }

    private static SourceConnectorContext context(OffsetStorageReader offsets, PluginMetrics metrics) {
        return new SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets;
            }

            @Override
            public void requestTaskReconfiguration() {
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics;
            }
        };
    }

    @Test
    void publishesItsUnitsAndTasksAndCanBeStartedAgainAfterAStop() {
        Metrics registry = new Metrics();
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(context(new InMemoryOffsets(), new PluginMetricsImpl(registry, Map.of("connector", "c"))));
        for (int round = 0; round < 2; round++) {
            connector.start(props());
            List<Map<String, String>> configs = connector.taskConfigs(3);
            int units = unitsOf(configs).size();
            assertEquals(3, connectorMetric(registry, CinnoxMetric.TASKS));
            assertEquals(units, connectorMetric(registry, CinnoxMetric.UNITS_TOTAL));
            assertEquals(0, connectorMetric(registry, CinnoxMetric.UNITS_FINISHED));
            connector.stop();
            assertEquals(null, registry.metric(connectorMetricName(CinnoxMetric.TASKS)), "removed on stop");
        }
    }

    @Test
    void eachTaskKnowsItsIndexTheTaskCountAndAGenerationThatNamesTheDeal() {
        CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
        connector.initialize(context(new InMemoryOffsets(), null));
        connector.start(props());
        List<Map<String, String>> configs = connector.taskConfigs(3);
        String generation = CinnoxTaskConfig.parse(configs.get(0)).place().generation();
        for (int i = 0; i < configs.size(); i++) {
            CinnoxTaskConfig.Place place = CinnoxTaskConfig.parse(configs.get(i)).place();
            assertEquals(new CinnoxTaskConfig.Place(i, configs.size(), generation), place);
        }
        assertTrue(generation.matches("[0-9a-f]{16}"), generation);
        assertEquals(configs, connector.taskConfigs(3), "the same deal gives the same configurations");
        connector.stop();
        List<List<WorkUnit>> groups = List.of(unitsOf(configs));
        assertEquals(CinnoxSourceConnector.generation(groups, List.of(450.0), List.of(450.0)),
                CinnoxSourceConnector.generation(groups, List.of(450.0), List.of(450.0)));
        assertFalse(CinnoxSourceConnector.generation(groups, List.of(450.0), List.of(450.0))
                .equals(CinnoxSourceConnector.generation(groups, List.of(449.0), List.of(450.0))), "other shares, another generation");
    }

    @Test
    void alterOffsetsTakesBudgetStatesAndRefusesMalformedOnes() {
        CinnoxSourceConnector connector = new CinnoxSourceConnector();
        BudgetState state = new BudgetState("ab", 75, 10, false, 100, List.of(new Loan(1, 5, 102, 103, "ab")));
        assertTrue(connector.alterOffsets(props(), Map.of(BudgetState.partition(2), state.toOffset())));
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(BudgetState.partition(2), null);
        assertTrue(connector.alterOffsets(props(), reset));
        assertThrows(ConnectException.class, () -> connector.alterOffsets(props(),
                Map.of(Map.of(BudgetState.PARTITION_KEY, "two"), state.toOffset())));
        assertThrows(ConnectException.class, () -> connector.alterOffsets(props(),
                Map.of(BudgetState.partition(2), Map.of("v", 1))));
    }

    private static Object connectorMetric(Metrics registry, CinnoxMetric metric) {
        return registry.metric(connectorMetricName(metric)).metricValue();
    }

    private static MetricName connectorMetricName(CinnoxMetric metric) {
        return new MetricName(metric.metricName(), "plugins", "", Map.of("connector", "c"));
    }

    private static List<WorkUnit> unitsOf(List<Map<String, String>> configs) {
        List<WorkUnit> units = new ArrayList<>();
        configs.forEach(c -> units.addAll(CinnoxTaskConfig.parse(c).units()));
        return units;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 50, 1000})
    void everyUnitGoesToExactlyOneTaskAndTheBudgetIsDividedAmongThem(int maxTasks) {
        CinnoxSourceConnector connector = started(new InMemoryOffsets());
        List<Map<String, String>> configs = connector.taskConfigs(maxTasks);
        List<WorkUnit> units = unitsOf(configs);
        Set<WorkUnit> distinct = new HashSet<>(units);

        assertEquals(units.size(), distinct.size(), "no unit twice");
        // 6 windowed + 1 daily report over 7 weekly chunks (2025-11-27 .. 2026-01-08), 2 snapshot reports
        assertEquals(7 * 7 + 2, units.size());
        assertTrue(configs.size() <= maxTasks && configs.size() == Math.min(maxTasks, units.size()));
        double budget = configs.stream()
                .mapToDouble(c -> CinnoxTaskConfig.parse(c).requestsPerMinute()).sum();
        assertEquals(400.0, budget, 1e-6, "the shares add up to requests.per.minute");
        connector.stop();
    }

    @Test
    void finishedUnitsAreLeftOutAndPartitionsDoNotDependOnTheTaskCount() {
        InMemoryOffsets offsets = new InMemoryOffsets();
        CinnoxSourceConnector connector = started(offsets);
        List<WorkUnit> all = unitsOf(connector.taskConfigs(3));
        WorkUnit finished = all.stream().filter(u -> u.report() == Report.CALL_LOG).findFirst().orElseThrow();
        offsets.put(finished.toPartition(), WindowCursor.fresh().unitFinished().toOffset());

        List<WorkUnit> again = unitsOf(connector.taskConfigs(5));
        assertFalse(again.contains(finished));
        assertEquals(all.size() - 1, again.size());
        assertTrue(all.containsAll(again));
        connector.stop();
    }

    @Test
    void aRelativeHistoryStartIsRoundedDownToItsChunkSoRestartsAgree() {
        Map<String, String> props = props();
        props.put("history.start", "P10D");
        CinnoxSourceConfig config = new CinnoxSourceConfig(props);
        Instant first = CinnoxSourceConnector.resolveHistoryStart(config, NOW);
        Instant later = CinnoxSourceConnector.resolveHistoryStart(config, NOW.plus(Duration.ofHours(6)));
        assertEquals(Instant.parse("2025-12-25T00:00:00Z"), first, "2025-12-31T12:00Z rounded down to its chunk");
        assertEquals(first, later);
        props.put("history.start", "2025-12-31T12:00:00Z");
        assertEquals(Instant.parse("2025-12-31T12:00:00Z"),
                CinnoxSourceConnector.resolveHistoryStart(new CinnoxSourceConfig(props), NOW));
    }

    @Test
    void exactlyOnceIsSupported() {
        assertEquals(ExactlyOnceSupport.SUPPORTED, new CinnoxSourceConnector().exactlyOnceSupport(props()));
    }

    @Test
    void validateAcceptsGoodCredentialsWithOneRequest() {
        long before = sim.requests().total();
        Config result = new CinnoxSourceConnector().validate(props());
        assertTrue(result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty()), result.toString());
        assertEquals(1, sim.requests().total() - before);
    }

    @Test
    void validateAsksOnceMoreAfterAQuickTransientFailureAndAcceptsGoodCredentials() {
        sim.faults().next(io.kafkaconnect.cinnox.simulator.Fault.CONNECTION_DROP, 1);
        long before = sim.requests().total();
        Config result = new CinnoxSourceConnector().validate(props());
        assertTrue(errors(result, "cinnox.base.url").isEmpty(), "a dropped connection is asked again: "
                + errors(result, "cinnox.base.url"));
        assertEquals(2, sim.requests().total() - before, "the dropped request and the one after it");
    }

    @Test
    void validatePutsABadTokenOnTheTokenFieldWithoutEchoingIt() {
        Map<String, String> props = props();
        props.put("cinnox.app.token", "wrong-s3cr3t");
        Config result = new CinnoxSourceConnector().validate(props);
        List<String> messages = errors(result, "cinnox.app.token");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("6452000"), messages.get(0));
        assertFalse(result.toString().contains("wrong-s3cr3t"));
    }

    @Test
    void validatePutsAnUnknownAppOnTheAppField() {
        Map<String, String> props = props();
        props.put("cinnox.app.id", "no-such-app");
        List<String> messages = errors(new CinnoxSourceConnector().validate(props), "cinnox.app.id");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("6452001"), messages.get(0));
    }

    @Test
    void validateSendsNoRequestWhenTheSettingsAreInvalid() {
        Map<String, String> props = props();
        props.put("page.size", "9000");
        long before = sim.requests().total();
        assertFalse(errors(new CinnoxSourceConnector().validate(props), "page.size").isEmpty());
        assertEquals(before, sim.requests().total());
    }

    @Test
    void alterOffsetsAcceptsValidOffsetsAndResets() {
        CinnoxSourceConnector connector = new CinnoxSourceConnector();
        WorkUnit unit = new WorkUnit(account.appId(), Report.SMS_DETAIL,
                Chunk.containing(Instant.parse("2026-01-02T00:00:00Z"), Duration.ofDays(7)));
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(unit.toPartition(), WindowCursor.fresh().toOffset());
        offsets.put(WorkUnit.snapshot(account.appId(), Report.CHANNEL_TYPE_LIST).toPartition(), null);
        assertTrue(connector.alterOffsets(props(), offsets));
    }

    @Test
    void alterOffsetsRejectsWhatTheConnectorCouldNotResumeFrom() {
        CinnoxSourceConnector connector = new CinnoxSourceConnector();
        Map<String, Object> partition = new HashMap<>(new WorkUnit(account.appId(), Report.SMS_DETAIL,
                Chunk.containing(Instant.parse("2026-01-02T00:00:00Z"), Duration.ofDays(7))).toPartition());
        Map<String, Object> offset = new HashMap<>(WindowCursor.fresh().toOffset());
        offset.put("v", 2);
        ConnectException newer = assertThrows(ConnectException.class,
                () -> connector.alterOffsets(props(), Map.of(partition, offset)));
        assertTrue(newer.getMessage().contains("version"), newer.getMessage());

        Map<String, Object> offGrid = new HashMap<>(partition);
        offGrid.put("chunk", "2026-01-05T00:00:00Z");
        assertThrows(ConnectException.class, () -> connector.alterOffsets(props(), Map.of(offGrid, Map.of("v", 1))));

        Map<String, Object> otherApp = new HashMap<>(partition);
        otherApp.put("app", "another-app");
        ConnectException app = assertThrows(ConnectException.class,
                () -> connector.alterOffsets(props(), Map.of(otherApp, Map.of("v", 1))));
        assertTrue(app.getMessage().contains("cinnox.app.id"), app.getMessage());
    }

    private static List<String> errors(Config result, String name) {
        return result.configValues().stream().filter(v -> v.name().equals(name))
                .map(ConfigValue::errorMessages).findFirst().orElseThrow();
    }
}
