package io.kafkaconnect.cinnox.client.model;

import java.util.Collections;
import java.util.Map;

/** Normalizes the unknown-field maps that Jackson hands to every model record (null when none came). */
final class ExtraFields {

    private ExtraFields() {
    }

    static Map<String, Object> of(Map<String, Object> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
    }
}
