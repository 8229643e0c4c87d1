package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.Map;

/** A request as the simulator received it: decoded query values and lower-case header names; {@code at} is sim-clock time. */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, String> query,
                              Map<String, String> headers, Instant at) {
}
