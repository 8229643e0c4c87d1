package io.kafkaconnect.cinnox.client;

/**
 * The facts of one failed exchange, shared by every {@link CinnoxApiException}; {@link #describe()}
 * renders them as "GET /data/call-detail: HTTP 401, code 6452000 (Invalid token)".
 *
 * @param httpStatus 0 when no response arrived
 * @param apiCode null when the body had no code
 * @param apiMessage body message (already redacted), or null
 * @param detail what the client itself observed (e.g. "read timeout"), or null
 */
public record ApiFailure(ApiEndpoint endpoint, int httpStatus, Integer apiCode, String apiMessage, String detail) {

    public String describe() {
        StringBuilder text = new StringBuilder(endpoint.label()).append(": ");
        text.append(httpStatus == 0 ? "no HTTP response" : "HTTP " + httpStatus);
        if (apiCode != null) {
            text.append(", code ").append(apiCode);
        }
        if (apiMessage != null && !apiMessage.isEmpty()) {
            text.append(" (").append(apiMessage).append(')');
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
