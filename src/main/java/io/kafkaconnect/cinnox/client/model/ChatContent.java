package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code content} of a chat message: the IM envelope with sender, receiver and body; {@code ts} in epoch ms. */
public record ChatContent(
        ChatParty from,
        String id,
        ChatBody msg,
        String plainText,
        String replySeqs,
        Long retry,
        Long seq,
        String service,
        ChatRecipient to,
        Long ts,
        Integer type,
        String version,
        @JsonAnySetter Map<String, Object> extra) {

    public ChatContent {
        extra = ExtraFields.of(extra);
    }
}
