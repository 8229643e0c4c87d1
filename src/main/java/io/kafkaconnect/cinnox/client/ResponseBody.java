package io.kafkaconnect.cinnox.client;

/**
 * What the envelope of one response body said: its {@code code} and {@code message} when present, and
 * the payload found in whichever envelope was used (null when there was none).
 */
record ResponseBody<P>(Integer code, String message, P payload) {

    static <P> ResponseBody<P> empty() {
        return new ResponseBody<>(null, null, null);
    }
}
