package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One row of Get Call Log Details ({@code data/call-log}), a call or conference; keyed by {@code hid}. */
public record CallLogEntry(
        String hid,
        String roomID,
        String type,
        String status,
        String inquiryID,
        String displayCaseNumber,
        String callID,
        Double callDuration,
        String callDate,
        String callEndTime,
        String byeReason,
        String releaseParty,
        String virtualNumber,
        String mediaType,
        CallParty callerInfo,
        CallParty calleeInfo,
        @JsonAnySetter Map<String, Object> extra) {

    public CallLogEntry {
        extra = ExtraFields.of(extra);
    }
}
