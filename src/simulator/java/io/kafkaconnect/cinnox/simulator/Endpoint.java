package io.kafkaconnect.cinnox.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The closed set of CINNOX report routes the simulator serves, with the query parameters each accepts. */
enum Endpoint {
    ENQUIRY_DETAIL("enquiry-detail", true, true),
    ENQUIRY_CHAT("enquiry-chat", false, true, "enquiryID"),
    CALL_DETAIL("call-detail", true, true),
    CALL_LOG("call-log", true, true),
    CONFERENCE_DETAIL("conference-detail", true, true),
    RECORDING_FILE("recording-file", false, false, "callID", "conferenceID"),
    SMS_DETAIL("sms-detail", true, true),
    ENQUIRY_OVERVIEW("enquiry-overview", true, false),
    CHANNEL_TYPE_LIST("channel-type-list", false, false),
    CHANNEL_TYPE_DETAIL("channel-type-detail", false, true, "channelType"),
    SENT_CAMPAIGNS_SUMMARY("sent-campaigns-summary", true, true),
    SENT_CAMPAIGNS_DETAIL("sent-campaigns-detail", false, true, "historyID");

    static final String SUBSCRIPTION = "inquiry-event-sub";

    private final String pathName;
    private final boolean windowed;
    private final boolean paged;
    private final Set<String> parameters;

    Endpoint(String pathName, boolean windowed, boolean paged, String... own) {
        this.pathName = pathName;
        this.windowed = windowed;
        this.paged = paged;
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(Arrays.asList(own));
        if (windowed) {
            names.add("startAt");
            names.add("endAt");
        }
        if (paged) {
            names.add("offset");
            names.add("limit");
        }
        this.parameters = Set.copyOf(names);
    }

    String pathName() {
        return pathName;
    }

    boolean windowed() {
        return windowed;
    }

    boolean paged() {
        return paged;
    }

    Set<String> parameters() {
        return parameters;
    }

    static Optional<Endpoint> byPathName(String name) {
        return Arrays.stream(values()).filter(e -> e.pathName.equals(name)).findFirst();
    }

    static Endpoint require(String name) {
        return byPathName(name).orElseThrow(() -> new IllegalArgumentException("unknown endpoint " + name));
    }
}
