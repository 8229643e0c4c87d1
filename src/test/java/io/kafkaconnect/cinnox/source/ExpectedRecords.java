package io.kafkaconnect.cinnox.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.GroundTruth;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The record ids the connector must deliver for a span of history, taken from the simulator's ground
 * truth at one moment (before the connector starts, so every record counted was visible when the
 * connector read its window): the windowed reports, the chats of enquiries closed by then, the
 * recordings of recorded calls and conferences, and the recipients of sent campaigns.
 */
final class ExpectedRecords {

    /**
     * Reports whose records never change once the API returns them, so each key must reach Kafka exactly
     * once (mutable ones, such as enquiries, are written again when they change).
     */
    static final Set<String> IMMUTABLE_REPORTS = Set.of("call-detail", "call-log", "conference-detail",
            "recording-file", "enquiry-chat");

    /** The id field of each windowed report's API rows, which is also its record key. */
    static final Map<String, String> WINDOWED_ID_FIELDS = windowedIdFields();

    private final Instant from;
    private final Instant to;
    private final Map<String, Set<String>> ids;

    private ExpectedRecords(Instant from, Instant to, Map<String, Set<String>> ids) {
        this.from = from;
        this.to = to;
        this.ids = ids;
    }

    private static Map<String, String> windowedIdFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("enquiry-detail", "id");
        fields.put("call-detail", "id");
        fields.put("call-log", "hid");
        fields.put("conference-detail", "conferenceID");
        fields.put("sms-detail", "id");
        fields.put("sent-campaigns-summary", "id");
        return fields;
    }

    /** What the simulator holds now for {@code [from, to)}, by report; child reports included. */
    static ExpectedRecords of(CinnoxSimulator sim, Instant from, Instant to) {
        GroundTruth truth = sim.truth();
        Map<String, Set<String>> ids = new TreeMap<>();
        WINDOWED_ID_FIELDS.forEach((report, field) -> ids.put(report,
                idsOf(truth.records(report, from, to), field)));
        Set<String> chats = new TreeSet<>();
        for (JsonNode enquiry : truth.records("enquiry-detail", from, to)) {
            chats.addAll(idsOf(truth.chat(enquiry.path("inquiry").asText()), "hid"));
        }
        ids.put("enquiry-chat", chats);
        Set<String> recordings = new TreeSet<>();
        for (JsonNode call : truth.records("call-detail", from, to)) {
            recordings.addAll(idsOf(truth.recordings(call.path("callID").asText()), "id"));
        }
        for (JsonNode conference : truth.records("conference-detail", from, to)) {
            recordings.addAll(idsOf(truth.recordings(conference.path("conferenceID").asText()), "id"));
        }
        ids.put("recording-file", recordings);
        Set<String> recipients = new TreeSet<>();
        for (JsonNode campaign : truth.records("sent-campaigns-summary", from, to)) {
            for (JsonNode r : truth.campaignRecipients(campaign.path("id").asText())) {
                recipients.add(r.path("id").asText() + "/" + r.path("recipient").asText());
            }
        }
        ids.put("sent-campaigns-detail", recipients);
        return new ExpectedRecords(from, to, ids);
    }

    private static Set<String> idsOf(List<JsonNode> nodes, String field) {
        Set<String> out = new TreeSet<>();
        nodes.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    Set<String> reports() {
        return ids.keySet();
    }

    Set<String> ids(String report) {
        return ids.get(report);
    }

    int total() {
        return ids.values().stream().mapToInt(Set::size).sum();
    }

    /** The expected ids not (yet) in the topics, by report; empty reports left out. */
    Map<String, Set<String>> missingFrom(TopicContents contents) {
        Map<String, Set<String>> missing = new TreeMap<>();
        ids.forEach((report, expected) -> {
            Set<String> left = new TreeSet<>(expected);
            left.removeAll(contents.keys(report));
            if (!left.isEmpty()) {
                missing.put(report, left);
            }
        });
        return missing;
    }

    boolean allIn(TopicContents contents) {
        return missingFrom(contents).isEmpty();
    }

    /** How many expected ids are in the topics already. */
    int deliveredIn(TopicContents contents) {
        int delivered = 0;
        for (Map.Entry<String, Set<String>> e : ids.entrySet()) {
            Set<String> keys = contents.keys(e.getKey());
            delivered += (int) e.getValue().stream().filter(keys::contains).count();
        }
        return delivered;
    }

    /** For failure messages: how many are missing per report, with a few examples. */
    String describeMissing(TopicContents contents) {
        StringBuilder text = new StringBuilder("missing of [" + from + ", " + to + "):");
        missingFrom(contents).forEach((report, left) -> text.append(' ').append(report).append('=')
                .append(left.size()).append('/').append(ids.get(report).size())
                .append(left.stream().limit(3).toList()));
        return text.toString();
    }

    /** Keys of immutable reports written more than once (with how often), by report; empty when none. */
    static Map<String, Map<String, Integer>> repeatedImmutableKeys(TopicContents contents) {
        Map<String, Map<String, Integer>> repeated = new TreeMap<>();
        for (String report : IMMUTABLE_REPORTS) {
            Map<String, Integer> keys = contents.repeatedKeys(report);
            if (!keys.isEmpty()) {
                repeated.put(report, keys);
            }
        }
        return repeated;
    }

    /** Expected ids per report, for the printed summary. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((report, set) -> counts.put(report, set.size()));
        return counts;
    }
}
