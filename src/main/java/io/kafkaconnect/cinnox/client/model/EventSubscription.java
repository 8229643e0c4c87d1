package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** The enquiry event subscription as the PATCH {@code inquiry-event-sub} reports it; {@code enabled} false when removed or when URL verification failed. */
public record EventSubscription(
        Boolean enabled,
        String url,
        String updatedAt,
        @JsonAnySetter Map<String, Object> extra) {

    public EventSubscription {
        extra = ExtraFields.of(extra);
    }
}
