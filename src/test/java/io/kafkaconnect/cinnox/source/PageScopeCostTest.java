package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code page.limit.scope} costs without any cap: chats never fill a 500-row page, so in {@code endpoint} scope
 * every chat as long as the longest so far is asked once more; in {@code account} scope the enquiry pages, longer than
 * any chat, make every chat page final at once. Both deliver every message. (The chat requests beyond one a chat
 * that both scopes send are the same in both: chats asked again, not follow-ups.)
 */
class PageScopeCostTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void accountScopeAsksEachChatOnceWhereEndpointScopeFollowsUpTheLongest() throws Exception {
        Chats endpoint = backlog("endpoint");
        Chats account = backlog("account");
        System.out.printf("chat requests for %d chats (%d messages): endpoint scope %d (%d short pages followed up), "
                + "account scope %d (%d)%n", account.chats(), account.messages(), endpoint.requests(),
                endpoint.followUps(), account.requests(), account.followUps());
        assertEquals(endpoint.chats(), account.chats(), "the same chats");
        assertTrue(account.chats() > 100, "a backlog of chats: " + account.chats());
        assertEquals(0, endpoint.missing() + account.missing(), "messages missing");
        assertTrue(endpoint.followUps() >= account.followUps() + 5, "endpoint scope follows up the longest chats");
        assertEquals(endpoint.followUps() - account.followUps(), endpoint.requests() - account.requests(),
                "the follow-ups account scope spares are chat requests");
    }

    private record Chats(int chats, int messages, int missing, int requests, long followUps) {
    }

    private Chats backlog(String scope) throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(11).historyDays(3).volume(Volume.perDay(400))
                .data(DataSwitches.NONE).fixedClock(NOW).port(0).build());
        try {
            TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("page.limit.scope", scope, "max.in.flight.requests",
                    "1", "reports", "enquiry-detail,enquiry-chat", "window.settle.ms", "120000"));
            List<CinnoxSourceTask> tasks = h.startTasks(1);
            h.run(tasks, NOW.plus(Duration.ofMinutes(10)), 100_000);
            TaskHarness.stop(tasks);
            Set<String> closed = h.recordsOf("cinnox.enquiry-detail").stream().map(r -> (Struct) r.value())
                    .filter(v -> "closed".equals(v.getString("status"))).map(v -> v.getString("inquiry"))
                    .collect(Collectors.toSet());
            Set<String> missing = new TreeSet<>();
            closed.forEach(i -> sim.truth().chat(i).forEach(m -> missing.add(m.path("hid").asText())));
            int messages = missing.size();
            h.recordsOf("cinnox.enquiry-chat").forEach(r -> missing.remove((String) r.key()));
            return new Chats(closed.size(), messages, missing.size(), sim.requests().count("enquiry-chat"),
                    tasks.get(0).stats().pageFollowUps());
        } finally {
            sim.close();
            sim = null;
        }
    }
}
