package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;

/** One observable event in the ground truth: a record became visible or one of its fields changed at {@code at}. */
public record Change(String endpoint, String id, Instant at, String description) {
}
