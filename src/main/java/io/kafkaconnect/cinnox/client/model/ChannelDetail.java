package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One configured channel from Get Channel Type Details ({@code data/channel-type-detail}); {@code number} kept as a string. */
public record ChannelDetail(
        String id,
        String channelType,
        String name,
        String socialId,
        String number,
        String tagID,
        String destinationID,
        String status,
        String createdAt,
        @JsonAnySetter Map<String, Object> extra) {

    public ChannelDetail {
        extra = ExtraFields.of(extra);
    }
}
