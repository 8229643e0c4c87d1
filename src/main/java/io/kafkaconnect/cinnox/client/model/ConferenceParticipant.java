package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One entry of {@code conferenceDetail.participants}; {@code joinStatus} joined, invited, rejected, block or leave. */
public record ConferenceParticipant(
        String eid,
        String joinStatus,
        String roomRole,
        @JsonAnySetter Map<String, Object> extra) {

    public ConferenceParticipant {
        extra = ExtraFields.of(extra);
    }
}
