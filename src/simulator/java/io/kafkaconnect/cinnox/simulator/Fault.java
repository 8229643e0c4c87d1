package io.kafkaconnect.cinnox.simulator;

/** Failures the simulator can inject into a response. */
public enum Fault {
    /** Body code 6451001 "Bad response from the service" with HTTP 502. */
    SERVICE_ERROR,
    /** HTTP 500 with an HTML body and no JSON code. */
    HTTP_500,
    /** HTTP 200 with a body that is not JSON. */
    MALFORMED_BODY,
    /** HTTP 200 whose JSON stops in the middle of the record array (chunked response, ends cleanly). */
    TRUNCATED_BODY,
    /** The server closes the TCP connection after reading the request, without sending any status line. */
    CONNECTION_DROP,
    /** Body code 6451010 "Too many requests" with the configured rate-limit status. */
    RATE_LIMITED
}
