package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code callerInfo} / {@code calleeInfo} of a call-log row; {@code phoneNumber} kept as a string. */
public record CallParty(
        String countryCode,
        String displayName,
        String eid,
        Boolean isStaff,
        String phoneNumber,
        String serviceId,
        @JsonAnySetter Map<String, Object> extra) {

    public CallParty {
        extra = ExtraFields.of(extra);
    }
}
