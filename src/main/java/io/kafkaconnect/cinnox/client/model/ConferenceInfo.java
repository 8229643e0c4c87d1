package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.List;
import java.util.Map;

/** {@code conferenceDetail} of a conference (newer documented shape): subject and participants. */
public record ConferenceInfo(
        String subject,
        List<ConferenceParticipant> participants,
        @JsonAnySetter Map<String, Object> extra) {

    public ConferenceInfo {
        extra = ExtraFields.of(extra);
    }
}
