package io.kafkaconnect.cinnox.simulator;

import java.util.List;

/** The result of a successful request: either a list of rows or one object (overview, subscription). */
record Payload(List<JsonItem> rows, JsonItem object) {

    static Payload list(List<JsonItem> rows) {
        return new Payload(List.copyOf(rows), null);
    }

    static Payload object(JsonItem object) {
        return new Payload(null, object);
    }

    boolean isList() {
        return rows != null;
    }

    boolean isEmptyList() {
        return rows != null && rows.isEmpty();
    }
}
