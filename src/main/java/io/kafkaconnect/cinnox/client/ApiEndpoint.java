package io.kafkaconnect.cinnox.client;

import java.util.Objects;

/**
 * One CINNOX Open API route this client calls: its HTTP method and its path below
 * {@code /v1/api/apps/{appID}/} (SPEC section 0). A report's route is {@code GET data/<report name>}, the
 * name its descriptor ({@code report.Report}) holds; the only other route is the enquiry event subscription.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path below {@code /v1/api/apps/{appID}/}, without a leading slash, e.g. {@code data/call-detail}
 */
public record ApiEndpoint(String method, String path) {

    /** Turns the enquiry event webhook on or off (SPEC section 6). */
    public static final ApiEndpoint INQUIRY_EVENT_SUBSCRIPTION = new ApiEndpoint("PATCH", "inquiry-event-sub");

    public ApiEndpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** The route of report {@code name} (the report's name in configs and topics): {@code GET data/<name>}. */
    public static ApiEndpoint report(String name) {
        return new ApiEndpoint("GET", "data/" + name);
    }

    /** Method and path as used in messages, e.g. {@code GET /data/call-detail}. */
    public String label() {
        return method + " /" + path;
    }
}
