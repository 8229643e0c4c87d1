package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code content.from} of a chat message: the sending device and session. */
public record ChatParty(
        String device,
        String eid,
        String omniType,
        String region,
        String service,
        String session,
        Boolean system,
        @JsonAnySetter Map<String, Object> extra) {

    public ChatParty {
        extra = ExtraFields.of(extra);
    }
}
