package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One row of Get SMS Details ({@code data/sms-detail}); keyed by {@code id}, mutable ({@code carrierStatus}, {@code updatedAt}). Phone fields are strings. */
public record SmsDetail(
        String id,
        String fromEID,
        String toEID,
        String date,
        String cid,
        Integer segmentCount,
        String sender,
        String recipient,
        String recipientCountryCode,
        String status,
        String carrierStatus,
        String usage,
        String text,
        String createdAt,
        String updatedAt,
        String smsID,
        Boolean isSenderStaff,
        Boolean isRecipientStaff,
        @JsonAnySetter Map<String, Object> extra) {

    public SmsDetail {
        extra = ExtraFields.of(extra);
    }
}
