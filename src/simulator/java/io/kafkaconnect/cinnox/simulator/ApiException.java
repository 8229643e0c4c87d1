package io.kafkaconnect.cinnox.simulator;

/** A CINNOX error answer ({@code {"code":..,"message":..}}) raised anywhere in request handling. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final int httpStatus;

    ApiException(int code, String message, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    static ApiException badQuery(String message) {
        return new ApiException(6451000, message, 400);
    }

    int code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
