package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.ApiEndpoint;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed set of CINNOX reports the connector streams, each written out once with what makes it that
 * report: its name (the API's path segment, the word users write in {@code reports} and topic names), how
 * it is read, its format (schema, key, version, what "final" means), and the child work its records lead
 * to. The client call, the poller, child fan-out, topics and generated docs all come from here.
 */
public enum Report {
    ENQUIRY_DETAIL("enquiry-detail", Kind.WINDOWED, WindowedReport.call(CinnoxApi::enquiryDetails), ChildLinks.CHAT_OF_CLOSED_ENQUIRY,
            mode -> new EnquiryDetailFormat()),
    ENQUIRY_CHAT("enquiry-chat", Kind.CHILD, null, null, mode -> new EnquiryChatFormat()),
    CALL_DETAIL("call-detail", Kind.WINDOWED, WindowedReport.call(CinnoxApi::callDetails), ChildLinks.RECORDINGS_OF_CALL,
            mode -> new CallDetailFormat()),
    CALL_LOG("call-log", Kind.WINDOWED, WindowedReport.call(CinnoxApi::callLogs), null, mode -> new CallLogFormat()),
    CONFERENCE_DETAIL("conference-detail", Kind.WINDOWED, WindowedReport.call(CinnoxApi::conferenceDetails),
            ChildLinks.RECORDINGS_OF_CONFERENCE, mode -> new ConferenceDetailFormat()),
    RECORDING_FILE("recording-file", Kind.CHILD, null, null, RecordingFileFormat::new),
    SMS_DETAIL("sms-detail", Kind.WINDOWED, WindowedReport.call(CinnoxApi::smsDetails), null, mode -> new SmsDetailFormat()),
    ENQUIRY_OVERVIEW("enquiry-overview", Kind.DAILY, null, null, mode -> new EnquiryOverviewFormat()),
    CHANNEL_TYPE_LIST("channel-type-list", Kind.SNAPSHOT, null, null, mode -> new ChannelTypeFormat()),
    CHANNEL_TYPE_DETAIL("channel-type-detail", Kind.SNAPSHOT, null, null, mode -> new ChannelTypeDetailFormat()),
    SENT_CAMPAIGNS_SUMMARY("sent-campaigns-summary", Kind.WINDOWED, WindowedReport.call(CinnoxApi::sentCampaignsSummary),
            ChildLinks.RECIPIENTS_OF_CAMPAIGN, mode -> new SentCampaignsSummaryFormat()),
    SENT_CAMPAIGNS_DETAIL("sent-campaigns-detail", Kind.CHILD, null, null, mode -> new SentCampaignsDetailFormat());

    /** How a report is read. */
    public enum Kind {
        /** Records filtered by a time window and paged with offset/limit. */
        WINDOWED,
        /** Records read per parent record (a closed enquiry, a recorded call, a sent campaign). */
        CHILD,
        /** One aggregate row per settled UTC day. */
        DAILY,
        /** Reference data re-read on an interval. */
        SNAPSHOT
    }

    private final String apiName;
    private final Kind kind;
    private final WindowedReport.PageFetch<?> pageFetch;
    private final ChildLink<?, ?> childLink;
    private final Function<RecordingUrlMode, ReportFormat<?>> format;

    Report(String apiName, Kind kind, WindowedReport.PageFetch<?> pageFetch, ChildLink<?, ?> childLink,
            Function<RecordingUrlMode, ReportFormat<?>> format) {
        this.apiName = apiName;
        this.kind = kind;
        this.pageFetch = pageFetch;
        this.childLink = childLink;
        this.format = format;
    }

    /** The API path segment after {@code /data/}, also the report's name in configs and topics. */
    public String apiName() {
        return apiName;
    }

    /** The route the client calls for this report: {@code GET data/<name>}. */
    public ApiEndpoint endpoint() {
        return ApiEndpoint.report(apiName);
    }

    public Kind kind() {
        return kind;
    }

    /** The reports whose records lead to this one's requests; empty unless the kind is CHILD. */
    public List<Report> parents() {
        return Arrays.stream(values()).filter(r -> r.childLink != null && r.childLink.child() == this).toList();
    }

    /** The child work one record of this report may lead to; empty for reports without children. */
    public Optional<ChildLink<?, ?>> childLink() {
        return Optional.ofNullable(childLink);
    }

    /** The request reading one page of a time window; only WINDOWED reports have one. */
    WindowedReport.PageFetch<?> pageFetch() {
        if (pageFetch == null) {
            throw new IllegalArgumentException(this + " is not read by time window");
        }
        return pageFetch;
    }

    /** A new format of this report, writing recording URLs as {@code recordingUrlMode} says. */
    ReportFormat<?> newFormat(RecordingUrlMode recordingUrlMode) {
        return format.apply(recordingUrlMode);
    }

    public static Optional<Report> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }

    public static Report require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("Unknown report '" + name
                + "'; known reports: " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Report::apiName).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return apiName;
    }
}
