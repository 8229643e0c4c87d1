package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One entry of {@code callConferenceList} (older documented shape): one participant leg. */
public record ConferenceLeg(
        String hid,
        String roomID,
        String fromEID,
        String toEID,
        String fromSvcID,
        ConferenceLegContent content,
        @JsonAnySetter Map<String, Object> extra) {

    public ConferenceLeg {
        extra = ExtraFields.of(extra);
    }
}
