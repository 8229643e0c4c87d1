package io.kafkaconnect.cinnox.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One enquiry notification as CINNOX posts it (SPEC 6.1), flat or wrapped in {@code message}.
 *
 * @param date the event time; null when absent or not RFC 3339 (its text is then in {@code rawValues})
 * @param unknownFields JSON object text of the fields this version does not know; null when there were none
 * @param rawValues texts that did not convert, by field name; empty when all did
 * @param receivedAt when the receiver accepted the request
 */
public record EnquiryEvent(String eid, String status, String serviceId, String displayCaseNumber, String type,
        String channel, String channelOri, String socialId, Instant date, String destination,
        String destinationTypes, String unknownFields, Map<String, String> rawValues, Instant receivedAt) {

    public EnquiryEvent {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        rawValues = Map.copyOf(rawValues);
    }
}
