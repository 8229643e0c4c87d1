package io.kafkaconnect.cinnox.offset;

import java.time.Instant;
import java.util.Objects;

/**
 * The version of a record emitted in a non-final state and the time of the window it was found in; a
 * sweep re-emits the record only when its version changed, and drops it once that time leaves the
 * lookback.
 *
 * @param version the record's version as the report defines it (status, update time...), not null
 * @param windowTimeMs the record's time on the report's window field, epoch milliseconds
 */
public record TrackedVersion(String version, long windowTimeMs) {

    public TrackedVersion {
        Objects.requireNonNull(version, "version");
    }

    public Instant windowTime() {
        return Instant.ofEpochMilli(windowTimeMs);
    }
}
