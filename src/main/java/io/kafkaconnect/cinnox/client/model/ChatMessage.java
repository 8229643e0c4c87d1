package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One message of Get Enquiry Chat Details ({@code data/enquiry-chat}); keyed by {@code hid}, ordered by {@code seq}. */
public record ChatMessage(
        String hid,
        String roomID,
        Long seq,
        String type,
        String fromEID,
        String toEID,
        String fromSvcID,
        String fromRegion,
        ChatContent content,
        String upsertType,
        String createdAt,
        String inquiryID,
        String msgID,
        String msgContentType,
        String msgEventType,
        String msgText,
        Double callDuration,
        Double callDurationMin,
        String encryptSec,
        @JsonAnySetter Map<String, Object> extra) {

    public ChatMessage {
        extra = ExtraFields.of(extra);
    }
}
