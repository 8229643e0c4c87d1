package io.kafkaconnect.cinnox.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed set of CINNOX reports the connector streams. The name is the API's path segment and the
 * word users write in {@code reports} and topic names; the kind decides how a report is polled.
 */
public enum Report {
    ENQUIRY_DETAIL("enquiry-detail", Kind.WINDOWED, null),
    ENQUIRY_CHAT("enquiry-chat", Kind.CHILD, "enquiry-detail"),
    CALL_DETAIL("call-detail", Kind.WINDOWED, null),
    CALL_LOG("call-log", Kind.WINDOWED, null),
    CONFERENCE_DETAIL("conference-detail", Kind.WINDOWED, null),
    RECORDING_FILE("recording-file", Kind.CHILD, "call-detail,conference-detail"),
    SMS_DETAIL("sms-detail", Kind.WINDOWED, null),
    ENQUIRY_OVERVIEW("enquiry-overview", Kind.DAILY, null),
    CHANNEL_TYPE_LIST("channel-type-list", Kind.SNAPSHOT, null),
    CHANNEL_TYPE_DETAIL("channel-type-detail", Kind.SNAPSHOT, null),
    SENT_CAMPAIGNS_SUMMARY("sent-campaigns-summary", Kind.WINDOWED, null),
    SENT_CAMPAIGNS_DETAIL("sent-campaigns-detail", Kind.CHILD, "sent-campaigns-summary");

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
    private final String parents;

    Report(String apiName, Kind kind, String parents) {
        this.apiName = apiName;
        this.kind = kind;
        this.parents = parents;
    }

    /** The API path segment after {@code /data/}, also the report's name in configs and topics. */
    public String apiName() {
        return apiName;
    }

    public Kind kind() {
        return kind;
    }

    /** The reports whose records lead to this one's requests; empty unless the kind is CHILD. */
    public List<Report> parents() {
        if (parents == null) {
            return List.of();
        }
        return Arrays.stream(parents.split(",")).map(Report::require).collect(Collectors.toList());
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
