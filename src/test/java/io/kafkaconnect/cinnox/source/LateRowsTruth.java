package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.simulator.Change;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.RecordedRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows a late-data test expects, with when each is dated and when it became visible, and what the simulator's
 * request log says about them: whether the connector asked for a window holding a row only after the row became
 * visible (so it must have seen it), and which rows were not there when their date was first asked for.
 */
final class LateRowsTruth {

    /** One expected row: its id, its window time and when the simulator first showed it. */
    record Row(String id, Instant date, Instant visibleAt) {
    }

    private final CinnoxSimulator sim;
    private final Map<String, Map<String, Row>> rows = new HashMap<>();

    /**
     * The rows of each report ({id field, date field}) dated in [from, to) and visible now; a row whose visibility
     * the simulator did not record counts as visible at its date.
     */
    LateRowsTruth(CinnoxSimulator sim, Map<String, String[]> fields, Instant from, Instant to) {
        this.sim = sim;
        Map<String, Instant> visible = new HashMap<>();
        for (Change c : sim.truth().changes(from, Instant.now().plusSeconds(1))) {
            if (c.description().contains("visible")) {
                visible.putIfAbsent(c.endpoint() + "/" + c.id(), c.at());
            }
        }
        fields.forEach((report, f) -> {
            Map<String, Row> byId = new TreeMap<>();
            sim.truth().records(report, from, to).forEach(n -> {
                String id = n.path(f[0]).asText();
                Instant date = Instant.parse(n.path(f[1]).asText());
                byId.put(id, new Row(id, date, visible.getOrDefault(report + "/" + id, date)));
            });
            rows.put(report, byId);
        });
    }

    Set<String> ids(String report) {
        return new TreeSet<>(rows.get(report).keySet());
    }

    Set<String> reports() {
        return rows.keySet();
    }

    /** The longest time between a row's date and its visibility. */
    long longestDelayMs() {
        return rows.values().stream().flatMap(m -> m.values().stream())
                .mapToLong(r -> r.visibleAt().toEpochMilli() - r.date().toEpochMilli()).max().orElse(0);
    }

    /** Rows of {@code report} for which no request asked a window holding their date after they became visible. */
    Set<String> notAskedSinceVisible(String report) {
        List<RecordedRequest> asked = requests(report);
        Set<String> left = new TreeSet<>();
        rows.get(report).values().forEach(r -> {
            if (asked.stream().noneMatch(q -> q.at().isAfter(r.visibleAt()) && covers(q, r.date()))) {
                left.add(r.id());
            }
        });
        return left;
    }

    /** Rows of {@code report} that were not visible yet when a window holding their date was first asked for. */
    Set<String> late(String report) {
        List<RecordedRequest> asked = requests(report);
        Set<String> late = new TreeSet<>();
        rows.get(report).values().forEach(r -> asked.stream().filter(q -> covers(q, r.date())).findFirst()
                .filter(q -> !q.at().isAfter(r.visibleAt())).ifPresent(q -> late.add(r.id())));
        return late;
    }

    private List<RecordedRequest> requests(String report) {
        return sim.requests().all().stream().filter(q -> q.path().endsWith("/data/" + report)).toList();
    }

    private static boolean covers(RecordedRequest q, Instant date) {
        String start = q.query().get("startAt");
        String end = q.query().get("endAt");
        return start != null && end != null && !date.isBefore(Instant.parse(start)) && !date.isAfter(Instant.parse(end));
    }
}
