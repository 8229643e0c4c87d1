package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.List;
import java.util.Map;

/** One row of Get Enquiry Details ({@code data/enquiry-detail}); keyed by {@code id}, windowed on {@code createdAt}. */
public record EnquiryDetail(
        @JsonAlias("_id") String id,
        String uniqueKey,
        String createdAt,
        String svcID,
        String inquiry,
        String tag,
        String visitor,
        String roomID,
        String initChannel,
        String omniType,
        String ip,
        String language,
        String location,
        LocationDetail locationDetail,
        String platform,
        String status,
        String displayCaseNumber,
        String channel,
        String destinationID,
        String destinationName,
        String destinationType,
        String visitorName,
        List<String> labelIDs,
        Long enquiryDuration,
        String deepLink,
        @JsonAnySetter Map<String, Object> extra) {

    public EnquiryDetail {
        extra = ExtraFields.of(extra);
    }
}
