package io.kafkaconnect.cinnox.client;

import java.util.Objects;

/**
 * What a recording lookup is for: exactly one call or one conference, as the API allows only one of
 * {@code callID} and {@code conferenceID} per request.
 */
public record RecordingOwner(Kind kind, String id) {

    /** The owner type; each maps to the query parameter that carries the id. */
    public enum Kind {
        CALL("callID"),
        CONFERENCE("conferenceID");

        private final String queryParameter;

        Kind(String queryParameter) {
            this.queryParameter = queryParameter;
        }

        public String queryParameter() {
            return queryParameter;
        }
    }

    public RecordingOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("recording owner id must not be blank");
        }
    }

    public static RecordingOwner call(String callId) {
        return new RecordingOwner(Kind.CALL, callId);
    }

    public static RecordingOwner conference(String conferenceId) {
        return new RecordingOwner(Kind.CONFERENCE, conferenceId);
    }
}
