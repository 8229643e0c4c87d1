package io.kafkaconnect.cinnox.client;

/**
 * What the envelope of one response body said: its {@code code} and {@code message} when present, and
 * the payload found in whichever envelope was used. When there was none, {@code lacking} says what was
 * expected and which keys the body had instead (for messages; never body values).
 */
record ResponseBody<P>(Integer code, String message, P payload, String lacking) {

    static <P> ResponseBody<P> empty(String lacking) {
        return new ResponseBody<>(null, null, null, lacking);
    }
}
