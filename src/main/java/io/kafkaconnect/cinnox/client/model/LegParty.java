package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code from} / {@code to} of a conference leg; only {@code eid} is documented. */
public record LegParty(
        String eid,
        @JsonAnySetter Map<String, Object> extra) {

    public LegParty {
        extra = ExtraFields.of(extra);
    }
}
