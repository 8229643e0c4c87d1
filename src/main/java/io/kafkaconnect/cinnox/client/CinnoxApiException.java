package io.kafkaconnect.cinnox.client;

import java.util.Optional;

/**
 * A request to the CINNOX API that did not produce a usable result. The subclass says what the caller
 * should do; the message names endpoint, HTTP status and body code and never contains the App Token or
 * a recording URL.
 */
public abstract class CinnoxApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiEndpoint endpoint;
    private final int httpStatus;
    private final Integer apiCode;
    private final String apiMessage;

    protected CinnoxApiException(ApiFailure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.endpoint = failure.endpoint();
        this.httpStatus = failure.httpStatus();
        this.apiCode = failure.apiCode();
        this.apiMessage = failure.apiMessage();
    }

    public ApiEndpoint endpoint() {
        return endpoint;
    }

    /** HTTP status of the response, or 0 when no response arrived (timeout, connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The body {@code code}, or null when the body had none (or could not be read). */
    public Integer apiCode() {
        return apiCode;
    }

    /** The body {@code message} with the token redacted, or null. */
    public String apiMessage() {
        return apiMessage;
    }

    public Optional<Integer> apiCodeIfPresent() {
        return Optional.ofNullable(apiCode);
    }
}
