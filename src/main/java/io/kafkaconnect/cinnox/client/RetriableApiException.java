package io.kafkaconnect.cinnox.client;

/**
 * A transient failure: 6451001, HTTP 5xx without a known code, timeouts, connection failures, and
 * malformed or truncated bodies. The caller may retry the same request after a backoff.
 */
public class RetriableApiException extends CinnoxApiException {

    private static final long serialVersionUID = 1L;

    public RetriableApiException(ApiFailure failure) {
        super(failure, null);
    }

    public RetriableApiException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
