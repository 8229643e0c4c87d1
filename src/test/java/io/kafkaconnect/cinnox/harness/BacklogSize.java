package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.CinnoxSimulator;
import io.kafkaconnect.cinnox.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The size of a benchmark's backlog from the ground truth, one UTC day at a time so that a million records
 * never sit in memory: records per report, and the fewest requests that read them (issue 10): per windowed
 * report the span cut into windows as wide as the API takes (90 days), each costing ceil(records / page size)
 * and at least one request; per child, ceil(child records / page size) and at least one (the chat of each
 * closed enquiry, the recordings of each recorded call and of each conference not marked unrecorded, the
 * recipients of each campaign); the enquiry overview one request per UTC day. Channel types are not counted.
 */
final class BacklogSize {

    static final int WIDEST_WINDOW_DAYS = 90;

    final Map<String, Long> records = new TreeMap<>();
    final Map<String, Long> minimumRequests = new TreeMap<>();

    private BacklogSize() {
    }

    static BacklogSize of(SimulatorSpec spec, Instant at, Instant from, Instant to, int pageSize,
            List<String> reports) {
        BacklogSize size = new BacklogSize();
        try (CinnoxSimulator sim = CinnoxSimulator.start(spec.truthSettings(at))) {
            GroundTruth truth = sim.truth();
            Map<String, Long> windowRecords = new TreeMap<>();
            int day = 0;
            for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofDays(1)), day++) {
                Instant end = start.plus(Duration.ofDays(1)).isBefore(to) ? start.plus(Duration.ofDays(1)) : to;
                size.day(truth, start, end.minusMillis(1), pageSize, reports, windowRecords);
                if ((day + 1) % WIDEST_WINDOW_DAYS == 0) {
                    size.closeWindows(windowRecords, pageSize);
                }
            }
            size.closeWindows(windowRecords, pageSize);
            if (reports.contains("enquiry-overview")) {
                size.minimumRequests.put("enquiry-overview", (long) day);
            }
        }
        return size;
    }

    private void day(GroundTruth truth, Instant from, Instant to, int pageSize, List<String> reports,
            Map<String, Long> windowRecords) {
        for (String report : Expected.WINDOWED_ID_FIELDS.keySet()) {
            if (!reports.contains(report)) {
                continue;
            }
            List<JsonNode> rows = truth.records(report, from, to);
            add(records, report, rows.size());
            add(windowRecords, report, rows.size());
            for (JsonNode row : rows) {
                children(truth, report, row, pageSize, reports);
            }
        }
    }

    private void children(GroundTruth truth, String report, JsonNode row, int pageSize, List<String> reports) {
        if (report.equals("enquiry-detail") && reports.contains("enquiry-chat")
                && "closed".equalsIgnoreCase(row.path("status").asText())) {
            child("enquiry-chat", truth.chat(row.path("inquiry").asText()).size(), pageSize);
        } else if (report.equals("call-detail") && reports.contains("recording-file")
                && row.path("isRecording").asBoolean(false)) {
            child("recording-file", truth.recordings(row.path("callID").asText()).size(), pageSize);
        } else if (report.equals("conference-detail") && reports.contains("recording-file")
                && !(row.path("isRecording").isBoolean() && !row.path("isRecording").asBoolean())) {
            child("recording-file", truth.recordings(row.path("conferenceID").asText()).size(), pageSize);
        } else if (report.equals("sent-campaigns-summary") && reports.contains("sent-campaigns-detail")) {
            child("sent-campaigns-detail", truth.campaignRecipients(row.path("id").asText()).size(), pageSize);
        }
    }

    private void child(String report, int childRecords, int pageSize) {
        add(records, report, childRecords);
        add(minimumRequests, report, report.equals("recording-file") ? 1 : pages(childRecords, pageSize));
    }

    private void closeWindows(Map<String, Long> windowRecords, int pageSize) {
        windowRecords.forEach((report, n) -> add(minimumRequests, report, pages(n, pageSize)));
        windowRecords.clear();
    }

    long totalRecords() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalMinimum() {
        return minimumRequests.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long pages(long n, int pageSize) {
        return Math.max(1, (n + pageSize - 1) / pageSize);
    }

    private static void add(Map<String, Long> map, String key, long n) {
        map.merge(key, n, Long::sum);
    }
}
