package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.DataSwitches;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CINNOX answering at most 15 rows a page whatever {@code limit} asked (100 here), without saying so: main windows,
 * re-scan passes, chats and campaign recipients read on past every short page, across a task restart, with nothing
 * lost or repeated (the simulator caps every endpoint alike, so the default {@code page.limit.scope=account} holds);
 * and what {@code endpoint} scope is for, when one endpoint alone is capped.
 */
class LimitCapTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant HISTORY = NOW.minus(Duration.ofDays(2));
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final int CAP = 15;

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aCappedLimitLosesAndRepeatsNothingInWindowsRescansAndChatsAcrossARestart() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(29).historyDays(3).volume(Volume.perDay(120))
                .data(DataSwitches.NONE.withLongCalls(0.3, Duration.ofHours(2))).fixedClock(NOW).port(0).build());
        sim.traps().limitCap(CAP);
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("page.size", "100",
                "window.settle.ms", Long.toString(SETTLE.toMillis())));
        List<CinnoxSourceTask> first = h.startTasks(2);
        h.run(first, NOW.plus(Duration.ofMinutes(90)), 400_000);
        TaskHarness.stop(first);
        List<CinnoxSourceTask> second = h.startTasks(2);
        h.run(second, NOW.plus(Duration.ofHours(6)), 400_000);
        TaskHarness.stop(second);

        Instant cutoff = NOW.plus(Duration.ofHours(3));
        ExpectedRecords.WINDOWED_ID_FIELDS.forEach((report, field) -> h.assertComplete(report, field, cutoff));
        Set<String> late = lateCalls(cutoff);
        Set<String> lateMissing = new TreeSet<>(late);
        lateMissing.removeAll(h.keys("call-detail"));
        long lateFound = java.util.stream.Stream.concat(first.stream(), second.stream()).mapToLong(t -> t.stats().lateRows(Report.CALL_DETAIL)).sum();
        System.out.printf("limit capped at %d: %d late calls made, %d missing; the re-scans found %d rows late%n", CAP,
                late.size(), lateMissing.size(), lateFound);
        assertTrue(late.size() > CAP, "more late calls than one capped page: " + late.size());
        assertTrue(lateMissing.isEmpty(), "late calls the re-scans lost: " + lateMissing);
        assertTrue(lateFound > 0, "the re-scan passes found the late calls");

        assertChatsComplete(h);
        assertRecipientsComplete(h);
        for (String report : ExpectedRecords.IMMUTABLE_REPORTS) {
            assertOncePerKey(h, report);
        }
        assertEquals(0, CinnoxSourceTaskTest.duplicates(h.emitted), "records emitted twice with the same value");
    }

    /**
     * What {@code page.limit.scope=endpoint} protects against: CINNOX capping chats at 15 rows while enquiry pages come
     * whole. In endpoint scope every chat is read on past its capped pages; in account scope the 100-row enquiry
     * pages make a 15-row chat page look like the last, and chats longer than 15 messages lose the rest.
     */
    @Test
    void chatsCappedBelowOtherEndpointsAreWholeOnlyInEndpointScope() throws Exception {
        ChatRun endpoint = chatsWithOnlyChatsCapped("endpoint");
        ChatRun account = chatsWithOnlyChatsCapped("account");
        System.out.printf("chats alone capped at %d: endpoint scope %s; account scope %s%n", CAP, endpoint, account);
        assertTrue(endpoint.longChats() > 0, "a chat spans more than one capped page");
        assertEquals(0, endpoint.missing(), "endpoint scope reads every capped chat whole");
        assertEquals(endpoint.messages(), account.messages(), "the same chats");
        assertTrue(account.missing() > 0, "account scope cuts the chats longer than a capped page");
    }

    private record ChatRun(int messages, int longChats, int missing) {
    }

    private ChatRun chatsWithOnlyChatsCapped(String scope) throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder().seed(29).historyDays(3).volume(Volume.perDay(120))
                .data(DataSwitches.NONE).fixedClock(NOW).port(0).build());
        try {
            sim.traps().limitCap("enquiry-chat", CAP);
            TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("page.size", "100", "page.limit.scope", scope,
                    "reports", "enquiry-detail,enquiry-chat", "window.settle.ms", Long.toString(SETTLE.toMillis())));
            List<CinnoxSourceTask> tasks = h.startTasks(1);
            h.run(tasks, NOW.plus(Duration.ofMinutes(30)), 100_000);
            TaskHarness.stop(tasks);
            return chats(h);
        } finally {
            sim.close();
            sim = null;
        }
    }

    /** Every message of every chat whose enquiry was sent closed, each once; some chats span several pages. */
    private void assertChatsComplete(TaskHarness h) {
        ChatRun run = chats(h);
        assertTrue(run.longChats() > 0, "a chat spans more than one capped page");
        assertEquals(0, run.missing(), "chat messages lost");
    }

    private ChatRun chats(TaskHarness h) {
        Set<String> closed = h.recordsOf("cinnox.enquiry-detail").stream().map(r -> (Struct) r.value())
                .filter(v -> "closed".equals(v.getString("status"))).map(v -> v.getString("inquiry"))
                .collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>();
        int longChats = 0;
        for (String inquiry : closed) {
            List<String> messages = sim.truth().chat(inquiry).stream().map(m -> m.path("hid").asText()).toList();
            expected.addAll(messages);
            longChats += messages.size() > CAP ? 1 : 0;
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(h.keys("enquiry-chat"));
        System.out.printf("chats of %d closed enquiries, %d longer than a capped page: %d messages, %d missing, such "
                + "as %s%n", closed.size(), longChats, expected.size(), missing.size(), missing.stream().limit(5).toList());
        return new ChatRun(expected.size(), longChats, missing.size());
    }

    /** Every recipient of every campaign sent; campaigns have more recipients than one capped page. */
    private void assertRecipientsComplete(TaskHarness h) {
        Set<String> expected = new TreeSet<>();
        int largest = 0;
        for (String campaign : h.keys("sent-campaigns-summary")) {
            List<String> recipients = sim.truth().campaignRecipients(campaign).stream()
                    .map(r -> r.path("id").asText() + "/" + r.path("recipient").asText()).toList();
            expected.addAll(recipients);
            largest = Math.max(largest, recipients.size());
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(h.keys("sent-campaigns-detail"));
        System.out.printf("campaign recipients: %d (at most %d a campaign), %d missing%n", expected.size(), largest,
                missing.size());
        assertTrue(largest > CAP, "a campaign's recipients span more than one capped page: " + largest);
        assertTrue(missing.isEmpty(), missing.size() + " recipients lost, such as " + missing.stream().limit(5).toList());
    }

    /** Calls of [HISTORY, cutoff) that became visible after their hour was over (plus settle). */
    private Set<String> lateCalls(Instant cutoff) {
        Set<String> late = new TreeSet<>();
        for (Instant hour = HISTORY; hour.isBefore(cutoff); hour = hour.plus(Duration.ofHours(1))) {
            sim.truth().lateRows("call-detail", hour, hour.plus(Duration.ofHours(1)), SETTLE)
                    .forEach(n -> late.add(n.path("id").asText()));
        }
        return late;
    }

    private static void assertOncePerKey(TaskHarness h, String report) {
        Map<Object, Long> repeated = new HashMap<>(h.recordsOf("cinnox." + report).stream()
                .collect(Collectors.groupingBy(SourceRecord::key, Collectors.counting())));
        repeated.values().removeIf(n -> n == 1);
        assertTrue(repeated.isEmpty(), report + ": keys sent more than once: " + repeated);
    }
}
