package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The version of a record as the harness compares it: the values of the fields that change on a mutable
 * record (an enquiry's status, an SMS carrier status, a campaign recipient's status), which have the same
 * name in the API row and in the record value; empty for records that never change.
 */
final class RecordVersion {

    static final Map<String, List<String>> FIELDS = Map.of("enquiry-detail", List.of("status"),
            "sms-detail", List.of("carrierStatus"), "sent-campaigns-detail", List.of("status"));

    private RecordVersion() {
    }

    static boolean versioned(String report) {
        return FIELDS.containsKey(report);
    }

    /** The version of an API row of {@code report}, or of a record value (same field names). */
    static String ofApiRow(String report, JsonNode row) {
        List<String> fields = FIELDS.get(report);
        if (fields == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(text.length() > 0 ? "|" : "").append(row.path(field).asText(""));
        }
        return text.toString();
    }
}
