package io.kafkaconnect.cinnox.client;

/**
 * The closed set of CINNOX Open API routes this client calls, each with its HTTP method and its path
 * below {@code /v1/api/apps/{appID}/} (SPEC section 0).
 */
public enum ApiEndpoint {
    ENQUIRY_DETAIL("GET", "data/enquiry-detail"),
    ENQUIRY_CHAT("GET", "data/enquiry-chat"),
    CALL_DETAIL("GET", "data/call-detail"),
    CALL_LOG("GET", "data/call-log"),
    CONFERENCE_DETAIL("GET", "data/conference-detail"),
    RECORDING_FILE("GET", "data/recording-file"),
    SMS_DETAIL("GET", "data/sms-detail"),
    ENQUIRY_OVERVIEW("GET", "data/enquiry-overview"),
    CHANNEL_TYPE_LIST("GET", "data/channel-type-list"),
    CHANNEL_TYPE_DETAIL("GET", "data/channel-type-detail"),
    SENT_CAMPAIGNS_SUMMARY("GET", "data/sent-campaigns-summary"),
    SENT_CAMPAIGNS_DETAIL("GET", "data/sent-campaigns-detail"),
    INQUIRY_EVENT_SUBSCRIPTION("PATCH", "inquiry-event-sub");

    private final String method;
    private final String path;

    ApiEndpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    /** Path below {@code /v1/api/apps/{appID}/}, without a leading slash, e.g. {@code data/call-detail}. */
    public String path() {
        return path;
    }

    /** Method and path as used in messages, e.g. {@code GET /data/call-detail}. */
    public String label() {
        return method + " /" + path;
    }
}
