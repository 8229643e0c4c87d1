package io.kafkaconnect.cinnox.simulator;

/**
 * Shape of a success body: {@code {"code":0,"result":...}} (default), {@code {"code":0,"data":...}}, the bare payload,
 * or {@code {"code":0,"result":{"items":...}}}, a shape no CINNOX document shows (for clients that must refuse it).
 */
public enum Envelope {
    RESULT, DATA, BARE_ARRAY, RESULT_ITEMS
}
