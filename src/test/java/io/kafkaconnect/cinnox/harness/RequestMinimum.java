package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fewest requests that read a span of history, by route (issue 10): for each windowed report, the span cut
 * into windows as wide as the API takes (90 days), each costing ceil(records / page size) and at least one
 * request; plus, per child, ceil(child records / page size), at least one: the chat of each closed enquiry,
 * the recordings of each recorded call and of each conference (the connector asks for every conference that
 * does not say it is unrecorded), the recipients of each campaign. The enquiry overview costs one request per
 * UTC day (one record per day); the two channel type snapshots are not counted.
 */
final class RequestMinimum {

    static final Duration WIDEST_WINDOW = Duration.ofDays(90);

    private RequestMinimum() {
    }

    static Map<String, Long> of(GroundTruth truth, Instant from, Instant to, int pageSize, List<String> reports) {
        Map<String, Long> min = new TreeMap<>();
        for (String report : Expected.WINDOWED_ID_FIELDS.keySet()) {
            if (reports.contains(report)) {
                min.put(report, windowed(truth, report, from, to, pageSize));
            }
        }
        if (reports.contains("enquiry-chat")) {
            long n = 0;
            for (JsonNode enquiry : truth.records("enquiry-detail", from, to)) {
                if ("closed".equalsIgnoreCase(enquiry.path("status").asText())) {
                    n += pages(truth.chat(enquiry.path("inquiry").asText()).size(), pageSize);
                }
            }
            min.put("enquiry-chat", n);
        }
        if (reports.contains("recording-file")) {
            long n = truth.records("call-detail", from, to).stream()
                    .filter(c -> c.path("isRecording").asBoolean(false)).count();
            n += truth.records("conference-detail", from, to).stream()
                    .filter(c -> !c.path("isRecording").isBoolean() || c.path("isRecording").asBoolean()).count();
            min.put("recording-file", n);
        }
        if (reports.contains("sent-campaigns-detail")) {
            long n = 0;
            for (JsonNode campaign : truth.records("sent-campaigns-summary", from, to)) {
                n += pages(truth.campaignRecipients(campaign.path("id").asText()).size(), pageSize);
            }
            min.put("sent-campaigns-detail", n);
        }
        if (reports.contains("enquiry-overview")) {
            long firstDay = Math.floorDiv(from.getEpochSecond(), 86_400);
            long lastDay = Math.floorDiv(to.minusMillis(1).getEpochSecond(), 86_400);
            min.put("enquiry-overview", lastDay - firstDay + 1);
        }
        return min;
    }

    private static long windowed(GroundTruth truth, String report, Instant from, Instant to, int pageSize) {
        long n = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(WIDEST_WINDOW)) {
            Instant end = start.plus(WIDEST_WINDOW).isBefore(to) ? start.plus(WIDEST_WINDOW) : to;
            n += pages(truth.records(report, start, end).size(), pageSize);
        }
        return n;
    }

    private static long pages(int records, int pageSize) {
        return Math.max(1, (records + pageSize - 1) / pageSize);
    }
}
