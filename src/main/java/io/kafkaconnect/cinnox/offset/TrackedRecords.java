package io.kafkaconnect.cinnox.offset;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records emitted in a state that may still change, by id, in insertion order: a daily unit re-reads the
 * days still inside the lookback, a snapshot unit compares each entry with the version it last emitted.
 *
 * @param versions id -> version and window time, none with an empty id
 */
public record TrackedRecords(Map<String, TrackedVersion> versions) {

    public static final TrackedRecords NONE = new TrackedRecords(Map.of());

    public TrackedRecords {
        if (versions.containsKey("")) {
            throw new IllegalArgumentException("Child and tracked record ids must not be empty");
        }
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    public TrackedVersion get(String id) {
        return versions.get(id);
    }

    public boolean containsKey(String id) {
        return versions.containsKey(id);
    }

    public Set<String> keySet() {
        return versions.keySet();
    }

    public Collection<TrackedVersion> values() {
        return versions.values();
    }

    public int size() {
        return versions.size();
    }

    /** Tracks (or updates) record {@code id} emitted in a non-final state at {@code version}. */
    TrackedRecords track(String id, String version, Instant windowTime) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(versions);
        next.put(id, new TrackedVersion(version, windowTime.toEpochMilli()));
        return new TrackedRecords(next);
    }

    /** Stops tracking {@code id}, for example when its record reached a final state. */
    TrackedRecords untrack(String id) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(versions);
        next.remove(id);
        return new TrackedRecords(next);
    }

    /** Stops tracking every record whose window time is before {@code horizon}. */
    TrackedRecords expire(Instant horizon) {
        Map<String, TrackedVersion> next = new LinkedHashMap<>(versions);
        next.values().removeIf(v -> v.windowTimeMs() < horizon.toEpochMilli());
        return new TrackedRecords(next);
    }
}
