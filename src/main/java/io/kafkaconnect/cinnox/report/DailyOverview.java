package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.model.EnquiryOverview;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The enquiry overview of one settled UTC day. The API answers with bare counts for whatever window was
 * asked, so the day the poller asked for travels with the counts and becomes the record key.
 *
 * @param day      the UTC day the overview covers
 * @param overview the API's answer for that day's window ({@link EnquiryOverview#empty} when it found none)
 */
public record DailyOverview(LocalDate day, EnquiryOverview overview) {

    public DailyOverview {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(overview, "overview");
    }
}
