package io.kafkaconnect.cinnox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Child work left in an hour's ledger long behind the unit's main pass (the last page of a chunk read, its
 * chats queued, then the task stopped: the kill-alo run of the reliability suite lost a campaign's recipients
 * so) is read after a restart, however old the hour: the task loads every bucket of its units' ranges that
 * still holds child work, not only the recent ones.
 */
class OldBucketChildrenTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-10T18:00:00Z");
    private static final Instant HISTORY = Instant.parse("2026-01-02T00:00:00Z");

    private CinnoxSimulator sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aChatQueuedInAnHourFarBehindTheMainPassIsReadAfterARestart() throws Exception {
        sim = CinnoxSimulator.start(SimulatorSettings.builder()
                .seed(17).historyDays(10).volume(Volume.perDay(40)).fixedClock(NOW).port(0).build());
        String hour = Long.toString(Duration.ofHours(1).toMillis());
        TaskHarness h = new TaskHarness(sim, HISTORY, Map.of("reports", "enquiry-detail,enquiry-chat", "lookback.ms", hour,
                "late.horizon.ms", hour, "late.recent.ms", hour, "window.settle.ms", "120000"));
        List<CinnoxSourceTask> first = h.startTasks(1);
        h.run(first, NOW.plus(Duration.ofMinutes(10)), 100_000);
        TaskHarness.stop(first);

        // A closed enquiry with a chat, dated more than two days before now: its record carries its hour's partition.
        SourceRecord row = h.recordsOf("cinnox.enquiry-detail").stream()
                .filter(r -> r.sourcePartition().containsKey("bucket"))
                .filter(r -> Instant.parse((String) r.sourcePartition().get("bucket")).isBefore(NOW.minus(Duration.ofDays(2))))
                .filter(r -> !sim.truth().chat(((Struct) r.value()).getString("inquiry")).isEmpty())
                .filter(r -> chatRecords(h, ((Struct) r.value()).getString("inquiry")) > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no old closed enquiry with a chat was read"));
        String inquiry = ((Struct) row.value()).getString("inquiry");
        int chatBefore = chatRecords(h, inquiry);
        @SuppressWarnings("unchecked")
        Map<String, Object> bucket = (Map<String, Object>) row.sourcePartition();
        Map<String, Object> stored = h.offsets.offset(bucket);
        assertTrue(stored != null && !stored.isEmpty(), "the old hour has a ledger");
        Map<String, Object> withChildWork = new HashMap<>(stored);
        withChildWork.put("pending", new ChildRef(Report.ENQUIRY_DETAIL, inquiry, 0).encode());
        withChildWork.put("childOffset", 0L);
        h.offsets.put(bucket, withChildWork);
        // A unit never finishes while its hours hold child work, so its stored cursor is not finished either.
        Map<String, Object> unit = new HashMap<>(bucket);
        unit.remove("bucket");
        Map<String, Object> cursor = new HashMap<>(h.offsets.offset(unit));
        cursor.put("done", false);
        h.offsets.put(unit, cursor);

        List<CinnoxSourceTask> second = h.startTasks(1);
        h.run(second, NOW.plus(Duration.ofMinutes(20)), 100_000);
        TaskHarness.stop(second);

        int expected = sim.truth().chat(inquiry).size();
        assertEquals(chatBefore + expected, chatRecords(h, inquiry),
                "the chat queued in the hour " + bucket.get("bucket") + " is read again");
        Map<String, Object> after = h.offsets.offset(bucket);
        assertEquals("", String.valueOf(after.get("pending")), "and the hour's child work is done");
    }

    private static int chatRecords(TaskHarness h, String inquiry) {
        return (int) h.recordsOf("cinnox.enquiry-chat").stream()
                .filter(r -> inquiry.equals(((Struct) r.value()).getString("inquiryID"))).count();
    }
}
