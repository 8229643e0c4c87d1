package io.kafkaconnect.cinnox.simulator;

/** Shape of a success body: {@code {"code":0,"result":...}} (default), {@code {"code":0,"data":...}} or the bare payload. */
public enum Envelope {
    RESULT, DATA, BARE_ARRAY
}
