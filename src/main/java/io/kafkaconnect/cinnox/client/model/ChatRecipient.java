package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code content.to} of a chat message: the receiving room and enquiry. */
public record ChatRecipient(
        String device,
        String eid,
        String inquiry,
        String room,
        Long seq,
        @JsonAnySetter Map<String, Object> extra) {

    public ChatRecipient {
        extra = ExtraFields.of(extra);
    }
}
