package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import io.kafkaconnect.cinnox.simulator.SimAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong App Token is caught before the connector runs (config validation names cinnox.app.token), and a
 * token revoked while the connector runs fails its tasks within seconds with a message that names the
 * setting, never the token, after only a few refused requests.
 */
class InvalidTokenIT {

    private static final String CONNECTOR = "cinnox-token";
    private static final int TASKS = 2;

    private static CinnoxSimulator sim;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusters() {
        sim = ConnectClusters.simulator(61, 40);
        connect = ConnectClusters.start("cinnox-token", 1, Map.of());
    }

    @AfterAll
    static void stopClusters() {
        if (connect != null) {
            connect.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void validationReportsAWrongTokenOnTheTokenSetting() {
        SimAccount app = sim.defaultAccount();
        SimAccount wrong = new SimAccount(app.serviceAccountId(), app.appId(), "not-the-app-token");
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), wrong, ConnectClusters.hoursAgo(2)).toMap();
        props.put("name", "cinnox-wrong-token");

        ConfigInfos result = connect.validateConnectorConfig(CinnoxSourceConnector.class.getSimpleName(), props);

        Map<String, List<String>> errors = result.configs().stream()
                .filter(c -> !c.configValue().errors().isEmpty())
                .collect(Collectors.toMap(c -> c.configValue().name(), c -> c.configValue().errors()));
        System.out.println("InvalidTokenIT: validation errors " + errors);
        List<String> tokenErrors = errors.getOrDefault(CinnoxSourceConfig.APP_TOKEN_CONFIG, List.of());
        assertEquals(Set.of(CinnoxSourceConfig.APP_TOKEN_CONFIG), errors.keySet(), "errors only on the token");
        assertTrue(tokenErrors.get(0).contains("6452000"), "the message names CINNOX's answer: " + tokenErrors);
        assertFalse(errors.toString().contains("not-the-app-token"), "no message repeats the token: " + errors);
        assertTrue(result.configs().stream().map(ConfigInfo::configValue)
                .filter(v -> v.name().equals(CinnoxSourceConfig.APP_TOKEN_CONFIG))
                .noneMatch(v -> "not-the-app-token".equals(v.value())), "the token value is not echoed");
    }

    @Test
    void aRevokedTokenFailsTheTasksWithAClearMessage() throws Exception {
        // An App of its own, so revoking its token leaves the other test's App alone.
        SimAccount app = sim.addApp(sim.defaultAccount().serviceAccountId(), "app-revoked", "token-to-revoke");
        Map<String, String> props = ConnectorProps.of(sim.baseUrl(), app, ConnectClusters.hoursAgo(6))
                .tasks(TASKS).toMap();
        connect.configureConnector(CONNECTOR, props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "connector did not start");
        TestUtils.waitForCondition(() -> requestsWith(app.token(), Instant.EPOCH) > 20, 30_000,
                "the tasks are reading");

        Instant revokedAt = Instant.now();
        sim.faults().revokeTokenAt(app.token(), revokedAt);
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed(CONNECTOR, TASKS,
                "the tasks did not fail after the token was revoked");
        Duration took = Duration.between(revokedAt, Instant.now());

        ConnectorStateInfo status = connect.connectorStatus(CONNECTOR);
        long afterRevocation = requestsWith(app.token(), revokedAt);
        System.out.printf("InvalidTokenIT: tasks failed %d ms after the revocation, after %d requests with the "
                + "revoked token; trace starts: %s%n", took.toMillis(), afterRevocation,
                status.tasks().get(0).trace().lines().findFirst().orElse(""));
        for (ConnectorStateInfo.TaskState task : status.tasks()) {
            assertTrue(task.trace().contains(CinnoxSourceConfig.APP_TOKEN_CONFIG), "the trace names the setting: "
                    + task.trace());
            assertFalse(task.trace().contains(app.token()), "the trace does not hold the token");
        }
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "failed within seconds: " + took);
        assertTrue(afterRevocation <= 2L * TASKS, "few requests after the revocation: " + afterRevocation);
    }

    private static long requestsWith(String token, Instant from) {
        String header = "Bearer " + token;
        return sim.requests().all().stream()
                .filter(r -> header.equals(r.headers().get("authorization")))
                .map(RecordedRequest::at)
                .filter(at -> !at.isBefore(from))
                .count();
    }
}
