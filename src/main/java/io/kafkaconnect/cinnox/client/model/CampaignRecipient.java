package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * One recipient row of Get Sent Campaigns Details ({@code data/sent-campaigns-detail}); keyed by
 * ({@code id}, {@code recipient}). The API spells the update time {@code LastUpdatedDateTime}.
 */
public record CampaignRecipient(
        String id,
        String date,
        CampaignSender sender,
        String recipient,
        String recipientCountry,
        String subject,
        String content,
        Integer numSMS,
        String status,
        String carrierNetworkStatus,
        String failedReason,
        @JsonProperty("LastUpdatedDateTime") @JsonAlias("lastUpdatedDateTime") String lastUpdatedDateTime,
        @JsonAnySetter Map<String, Object> extra) {

    public CampaignRecipient {
        extra = ExtraFields.of(extra);
    }
}
