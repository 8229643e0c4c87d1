package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.GroundTruth;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the connector must deliver for {@code [from, to)} as the simulator holds it at one instant: every
 * record key with its version (the fields that change on a mutable record, empty for immutable ones), by
 * report, for the windowed reports and their children (chats of closed enquiries, recordings, campaign
 * recipients), computed in-process from the simulator's ground truth with the run's settings.
 */
final class Expected {

    /** Id field of each windowed report's API rows: also the record key. */
    static final Map<String, String> WINDOWED_ID_FIELDS = Map.of("enquiry-detail", "id", "call-detail", "id",
            "call-log", "hid", "conference-detail", "conferenceID", "sms-detail", "id",
            "sent-campaigns-summary", "id");

    private final Instant from;
    private final Instant to;
    private final Map<String, Map<String, String>> versions;

    private Expected(Instant from, Instant to, Map<String, Map<String, String>> versions) {
        this.from = from;
        this.to = to;
        this.versions = versions;
    }

    /** Starts an in-process simulator frozen at {@code at}, reads the truth, stops it. */
    static Expected compute(SimulatorSpec spec, Instant at, Instant from, Instant to) {
        try (CinnoxSimulator sim = CinnoxSimulator.start(spec.truthSettings(at))) {
            GroundTruth truth = sim.truth();
            Map<String, Map<String, String>> versions = new TreeMap<>();
            WINDOWED_ID_FIELDS.forEach((report, field) -> {
                Map<String, String> keys = new HashMap<>();
                for (JsonNode row : truth.records(report, from, to)) {
                    keys.put(row.path(field).asText(), RecordVersion.ofApiRow(report, row));
                }
                versions.put(report, keys);
            });
            children(truth, from, to, versions);
            return new Expected(from, to, versions);
        }
    }

    /** Expected records given directly: report to key to version. */
    static Expected of(Instant from, Instant to, Map<String, Map<String, String>> versions) {
        return new Expected(from, to, versions);
    }

    private static void children(GroundTruth truth, Instant from, Instant to,
            Map<String, Map<String, String>> versions) {
        Map<String, String> chats = new HashMap<>();
        for (JsonNode enquiry : truth.records("enquiry-detail", from, to)) {
            truth.chat(enquiry.path("inquiry").asText()).forEach(m -> chats.put(m.path("hid").asText(), ""));
        }
        versions.put("enquiry-chat", chats);
        Map<String, String> recordings = new HashMap<>();
        for (JsonNode call : truth.records("call-detail", from, to)) {
            truth.recordings(call.path("callID").asText()).forEach(r -> recordings.put(r.path("id").asText(), ""));
        }
        for (JsonNode conference : truth.records("conference-detail", from, to)) {
            truth.recordings(conference.path("conferenceID").asText())
                    .forEach(r -> recordings.put(r.path("id").asText(), ""));
        }
        versions.put("recording-file", recordings);
        Map<String, String> recipients = new HashMap<>();
        for (JsonNode campaign : truth.records("sent-campaigns-summary", from, to)) {
            for (JsonNode r : truth.campaignRecipients(campaign.path("id").asText())) {
                recipients.put(r.path("id").asText() + "/" + r.path("recipient").asText(),
                        RecordVersion.ofApiRow("sent-campaigns-detail", r));
            }
        }
        versions.put("sent-campaigns-detail", recipients);
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    /** Report to key to version. */
    Map<String, Map<String, String>> versions() {
        return versions;
    }

    int total() {
        return versions.values().stream().mapToInt(Map::size).sum();
    }

    /** Expected records per report. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        versions.forEach((report, keys) -> counts.put(report, keys.size()));
        return counts;
    }

    /** Expected keys of {@code report} the reader has seen. */
    int deliveredIn(TopicReader reader) {
        int n = 0;
        for (Map.Entry<String, Map<String, String>> e : versions.entrySet()) {
            n += reader.countPresent(e.getKey(), e.getValue().keySet());
        }
        return n;
    }
}
