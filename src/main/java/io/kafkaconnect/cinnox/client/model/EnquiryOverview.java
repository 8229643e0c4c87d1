package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** Get Enquiry Overview Matrix ({@code data/enquiry-overview}): enquiry totals over one window (field names assumed ). */
public record EnquiryOverview(
        String startAt,
        String endAt,
        Long totalEnquiries,
        Long ongoingEnquiries,
        Long followedUpEnquiries,
        Long missedEnquiries,
        Long closedEnquiries,
        Double averageWaitingTime,
        Double averageHandlingTime,
        @JsonAnySetter Map<String, Object> extra) {

    public EnquiryOverview {
        extra = ExtraFields.of(extra);
    }

    /** The overview of a window in which the API found no enquiries (6451011): zero counts, no averages. */
    public static EnquiryOverview empty(String startAt, String endAt) {
        return new EnquiryOverview(startAt, endAt, 0L, 0L, 0L, 0L, 0L, null, null, null);
    }
}
