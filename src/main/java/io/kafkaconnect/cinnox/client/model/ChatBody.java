package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code content.msg} of a chat message; {@code type} 1 = text, 2 = file, 5 = advanced. */
public record ChatBody(
        Long channel,
        String text,
        Integer type,
        @JsonAnySetter Map<String, Object> extra) {

    public ChatBody {
        extra = ExtraFields.of(extra);
    }
}
