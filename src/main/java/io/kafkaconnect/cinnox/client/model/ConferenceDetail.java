package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.List;
import java.util.Map;

/** One row of Get Conference Details ({@code data/conference-detail}); the union of both documented shapes, keyed by {@code conferenceID}. */
public record ConferenceDetail(
        String conferenceID,
        String roomID,
        String fromEID,
        String status,
        String createdAt,
        String callDate,
        Double callDuration,
        Double callDurationMin,
        ConferenceInfo conferenceDetail,
        List<ConferenceLeg> callConferenceList,
        @JsonAnySetter Map<String, Object> extra) {

    public ConferenceDetail {
        extra = ExtraFields.of(extra);
    }
}
