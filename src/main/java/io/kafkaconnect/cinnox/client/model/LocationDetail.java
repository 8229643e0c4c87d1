package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code locationDetail} of an enquiry: where the visitor was. */
public record LocationDetail(
        String regionCode,
        String subdivision,
        String city,
        String province,
        @JsonAnySetter Map<String, Object> extra) {

    public LocationDetail {
        extra = ExtraFields.of(extra);
    }
}
