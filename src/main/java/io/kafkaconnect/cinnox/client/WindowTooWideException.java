package io.kafkaconnect.cinnox.client;

import java.util.OptionalInt;

/**
 * 6451000 "Exceed maximum query day N": the window is longer than the endpoint allows. Callers halve the
 * window and retry.
 */
public class WindowTooWideException extends CinnoxApiException {

    private static final long serialVersionUID = 1L;

    private final OptionalInt maxDays;

    public WindowTooWideException(ApiFailure failure, OptionalInt maxDays) {
        super(failure, null);
        this.maxDays = maxDays;
    }

    /** The N of the message, when it carried one. */
    public OptionalInt maxDays() {
        return maxDays;
    }
}
