package io.kafkaconnect.cinnox.client;

import java.util.Objects;

/**
 * A failure that repeating the request cannot fix: bad credentials, wrong route, invalid parameters or
 * an unknown refusal. {@link #reason()} says which.
 */
public class FatalApiException extends CinnoxApiException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** 6452000 "Invalid token", or HTTP 401 without a body code. */
        INVALID_TOKEN,
        /** 6452001 "Invalid appID". */
        INVALID_APP,
        /** 6450001 "method not found", or HTTP 404 without a body code (wrong base URL). */
        METHOD_NOT_FOUND,
        /** 6451000 "exceed maximum limit N": the page size is larger than the API allows. */
        PAGE_LIMIT_TOO_LARGE,
        /** Any other 6451000 parameter error. */
        BAD_PARAMETER,
        /** Body code 400, or HTTP 400 without a body code. */
        BAD_REQUEST,
        /** Any other code or status (including codes of other CINNOX APIs and redirects). */
        UNKNOWN
    }

    private final Reason reason;

    public FatalApiException(ApiFailure failure, Reason reason) {
        super(failure, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
