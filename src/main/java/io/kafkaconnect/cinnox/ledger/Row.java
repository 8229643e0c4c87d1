package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What a ledger needs to know of one API row: its key, version, whether it is final and its event time.
 *
 * @param key the record key; null when the row has none (it cannot be recorded)
 * @param version the version text (see the report's format), not null
 * @param isFinal whether the row will not change any more
 * @param eventTime the row's time on the report's window field; null when the API sent none
 */
public record Row(String key, String version, boolean isFinal, Instant eventTime) {

    public Row {
        Objects.requireNonNull(version, "version");
    }

    /** Whether the row can be placed in a bucket and recorded. */
    public boolean recordable() {
        return key != null && eventTime != null;
    }
}
