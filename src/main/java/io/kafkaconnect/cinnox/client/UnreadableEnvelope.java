package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A body that is JSON but not in an envelope the client knows. Its message never quotes body values,
 * so it may appear in exception messages and logs.
 */
final class UnreadableEnvelope extends JsonProcessingException {

    private static final long serialVersionUID = 1L;

    UnreadableEnvelope(String message) {
        super(message);
    }
}
