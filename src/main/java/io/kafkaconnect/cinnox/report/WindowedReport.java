package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.TimeWindow;

/** A report read by time window and offset paging: its API call and its record format. */
public record WindowedReport<T>(ReportFormat<T> format, PageFetch<T> fetch) {

    /** One page of a windowed report: one request. */
    @FunctionalInterface
    interface PageFetch<T> {
        Page<T> fetch(CinnoxApi api, TimeWindow window, PageRequest page);
    }

    public Page<T> page(CinnoxApi api, TimeWindow window, PageRequest page) {
        return fetch.fetch(api, window, page);
    }

    public static WindowedReport<?> of(Report report, ReportFormats formats) {
        return switch (report) {
            case ENQUIRY_DETAIL -> new WindowedReport<>(formats.enquiryDetail(), CinnoxApi::enquiryDetails);
            case CALL_DETAIL -> new WindowedReport<>(formats.callDetail(), CinnoxApi::callDetails);
            case CALL_LOG -> new WindowedReport<>(formats.callLog(), CinnoxApi::callLogs);
            case CONFERENCE_DETAIL -> new WindowedReport<>(formats.conferenceDetail(), CinnoxApi::conferenceDetails);
            case SMS_DETAIL -> new WindowedReport<>(formats.smsDetail(), CinnoxApi::smsDetails);
            case SENT_CAMPAIGNS_SUMMARY ->
                    new WindowedReport<>(formats.sentCampaignsSummary(), CinnoxApi::sentCampaignsSummary);
            default -> throw new IllegalArgumentException(report + " is not read by time window");
        };
    }
}
