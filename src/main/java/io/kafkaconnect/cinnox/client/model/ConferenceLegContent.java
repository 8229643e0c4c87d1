package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code content} of a conference leg: timing and outcome of one participant's call. */
public record ConferenceLegContent(
        String byeReason,
        Double callDuration,
        String callStartTime,
        String callEndTime,
        String callID,
        String callType,
        LegParty from,
        LegParty to,
        @JsonAnySetter Map<String, Object> extra) {

    public ConferenceLegContent {
        extra = ExtraFields.of(extra);
    }
}
