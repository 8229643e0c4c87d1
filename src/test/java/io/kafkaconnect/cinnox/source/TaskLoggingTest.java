package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.Fault;
import io.kafkaconnect.cinnox.simulator.SimAccount;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the connector logs while it runs against the simulator with faults and a rate-limit storm: the
 * configuration once with the token masked, progress per report at INFO, and never the App Token or a
 * recording's signed download URL above DEBUG.
 */
class TaskLoggingTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));
    private static final String TOKEN = "tok-S3CRET-7f1e9c2a";

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private TaskHarness harness(String token) {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(5).historyDays(3).volume(Volume.perDay(60))
                .fixedClock(NOW).port(0).account(new SimAccount("acme-hk.cinnox.com", "app-acme", TOKEN)).build());
        Map<String, String> overrides = new HashMap<>();
        overrides.put(CinnoxSourceConfig.RECORDING_URL_MODE_CONFIG, RecordingUrlMode.INCLUDE.configName());
        overrides.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, token);
        return new TaskHarness(sim, HISTORY, overrides);
    }

    @Test
    void neitherTheTokenNorRecordingUrlsAreLoggedAboveDebug() throws Exception {
        TaskHarness h = harness(TOKEN);
        List<LogCapture.Event> logged;
        try (LogCapture capture = LogCapture.of("io.kafkaconnect.cinnox")) {
            CinnoxSourceConnector connector = new CinnoxSourceConnector(Clock.fixed(NOW, ZoneOffset.UTC));
            connector.initialize(connectorContext(h.offsets));
            connector.start(h.config().originalsStrings());
            connector.taskConfigs(2);
            List<CinnoxSourceTask> tasks = h.startTasks(2);
            sim.faults().rate(Fault.SERVICE_ERROR, 0.05).rate(Fault.HTTP_500, 0.03).rate(Fault.TRUNCATED_BODY, 0.03)
                    .rate(Fault.CONNECTION_DROP, 0.03);
            h.run(tasks, NOW.plus(Duration.ofHours(1)), 100_000);
            sim.faults().rateLimitStorm(Duration.ofMinutes(2));
            h.run(tasks, NOW.plus(Duration.ofHours(2)), 100_000);
            TaskHarness.stop(tasks);
            connector.stop();
            logged = capture.events();
        }

        Set<String> urls = h.recordsOf("cinnox.recording-file").stream()
                .map(r -> ((Struct) r.value()).getString("fileURL")).collect(Collectors.toSet());
        assertTrue(urls.stream().anyMatch(u -> u != null && u.contains("X-Signature=")), "signed URLs were read");
        for (LogCapture.Event event : logged) {
            if (event.level().isMoreSpecificThan(org.apache.logging.log4j.Level.INFO)) {
                assertFalse(event.text().contains(TOKEN), "the token at " + event.level() + ": " + event.text());
                assertFalse(event.text().contains("X-Signature") || event.text().contains("example-cinnox-cdn.com"),
                        "a recording URL at " + event.level() + ": " + event.text());
            }
        }
        assertTrue(infoLines(logged, "Starting CINNOX source connector").stream()
                .anyMatch(line -> line.contains(CinnoxSourceConfig.APP_TOKEN_CONFIG + "=[hidden]")), "masked config");
        assertTrue(infoLines(logged, "CINNOX task progress: ").size() >= 2, "task progress lines");
        assertTrue(infoLines(logged, "CINNOX report progress enquiry-detail: ").stream()
                .anyMatch(line -> line.contains(" records, lag ") && line.contains(", backfill ")), "report progress");
        assertTrue(logged.stream().anyMatch(e -> e.level() == org.apache.logging.log4j.Level.WARN),
                "the faults were logged as warnings");
    }

    @Test
    void aRejectedTokenIsNotRepeatedInTheFailure() throws Exception {
        String wrong = "tok-WRONG-1d2c3b4a";
        TaskHarness h = harness(wrong);
        try (LogCapture capture = LogCapture.of("io.kafkaconnect.cinnox")) {
            List<CinnoxSourceTask> tasks = h.startTasks(1);
            ConnectException failure = assertThrows(ConnectException.class, () -> h.pollTimes(tasks.get(0), 10));
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(wrong), trace.toString());
            capture.events().forEach(e -> assertFalse(e.text().contains(wrong), e.level() + ": " + e.text()));
            TaskHarness.stop(tasks);
        }
    }

    private static List<String> infoLines(List<LogCapture.Event> events, String start) {
        return events.stream().filter(e -> e.level() == org.apache.logging.log4j.Level.INFO)
                .map(LogCapture.Event::text).filter(t -> t.startsWith(start)).toList();
    }

    private static SourceConnectorContext connectorContext(OffsetStorageReader offsets) {
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
                return null;
            }
        };
    }
}
