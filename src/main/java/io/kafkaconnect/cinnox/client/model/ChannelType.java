package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One entry of Get Channel Type List ({@code data/channel-type-list}). */
public record ChannelType(
        String channelType,
        String name,
        @JsonAnySetter Map<String, Object> extra) {

    public ChannelType {
        extra = ExtraFields.of(extra);
    }
}
