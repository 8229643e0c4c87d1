package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** One row of Get Sent Campaigns Summary ({@code data/sent-campaigns-summary}); {@code id} is the historyID of the details endpoint. */
public record CampaignSummary(
        String id,
        String date,
        String campaignName,
        String channel,
        String createdBy,
        CampaignSender sender,
        String subject,
        Long totalRecipients,
        Long delivered,
        Long read,
        Long replied,
        Long failed,
        Long pending,
        @JsonAnySetter Map<String, Object> extra) {

    public CampaignSummary {
        extra = ExtraFields.of(extra);
    }
}
