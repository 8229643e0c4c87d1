package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/**
 * One row of Get Call Details ({@code data/call-detail}), a 1-on-1 call; keyed by {@code id}, windowed on
 * {@code callDate}. {@code caller}/{@code callee} are phone numbers kept as strings.
 */
public record CallDetail(
        String id,
        String hid,
        String svcID,
        String date,
        String roomID,
        Long seq,
        String type,
        String fromEID,
        String toEID,
        String fromSvcID,
        String toSvcID,
        String fromRegion,
        Long callSeq,
        String callID,
        String callDirection,
        String callType,
        String fromIP,
        String callPrepareFromNum,
        String caller,
        String callee,
        String callDate,
        String callEndTime,
        String status,
        String lastResponseCode,
        String byeReason,
        String releaseParty,
        String mediaType,
        Boolean isRecording,
        @JsonAnySetter Map<String, Object> extra) {

    public CallDetail {
        extra = ExtraFields.of(extra);
    }
}
