package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** {@code sender} of a sent campaign: number or sender id, and for WhatsApp the channel and template source. */
public record CampaignSender(
        String phone,
        String channelName,
        String sourceName,
        String senderEID,
        @JsonAnySetter Map<String, Object> extra) {

    public CampaignSender {
        extra = ExtraFields.of(extra);
    }
}
