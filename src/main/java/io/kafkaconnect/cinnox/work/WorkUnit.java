package io.kafkaconnect.cinnox.work;

import io.kafkaconnect.cinnox.report.Report;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One unit of work: an App, a report and, unless the report is a snapshot, a chunk of time. Its source
 * partition names the work and nothing else (no task, no version), so offsets survive a change of
 * {@code tasks.max}. Child reports have no units: their work lives in the parent report's unit.
 *
 * @param appId the CINNOX App id, not blank
 * @param report a WINDOWED, DAILY or SNAPSHOT report
 * @param chunk the chunk of time; null exactly when the report is a SNAPSHOT report
 */
public record WorkUnit(String appId, Report report, Chunk chunk) {

    static final String APP = "app";
    public static final String REPORT = "report";
    static final String CHUNK = "chunk";
    private static final Set<String> PARTITION_KEYS = Set.of(APP, REPORT, CHUNK);
    private static final String FIELD_SEPARATOR = "/";
    private static final String LIST_SEPARATOR = ",";

    public WorkUnit {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(report, "report");
        if (appId.isBlank()) {
            throw new IllegalArgumentException("A unit of work needs a CINNOX App id, got a blank one");
        }
        if (report.kind() == Report.Kind.CHILD) {
            throw new IllegalArgumentException("Report " + report + " is read per record of " + report.parents()
                    + " and has no units of its own");
        }
        boolean snapshot = report.kind() == Report.Kind.SNAPSHOT;
        if (snapshot && chunk != null) {
            throw new IllegalArgumentException("Snapshot report " + report + " has no chunks, got " + chunk);
        }
        if (!snapshot && chunk == null) {
            throw new IllegalArgumentException("Report " + report + " is read per chunk of time; the chunk is missing");
        }
    }

    /** A unit of a snapshot report. */
    public static WorkUnit snapshot(String appId, Report report) {
        return new WorkUnit(appId, report, null);
    }

    /** The source partition: {@code {"app": .., "report": .., "chunk": "2026-01-01T00:00:00Z"}}. */
    public Map<String, Object> toPartition() {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put(APP, appId);
        partition.put(REPORT, report.apiName());
        if (chunk != null) {
            partition.put(CHUNK, chunk.text());
        }
        return partition;
    }

    /**
     * Reads a source partition written by {@link #toPartition()}.
     *
     * @param chunkLength the configured chunk length; a chunk off its grid is rejected
     * @throws IllegalArgumentException naming the problem when the map is not such a partition
     */
    public static WorkUnit fromPartition(Map<String, ?> partition, Duration chunkLength) {
        if (partition == null) {
            throw new IllegalArgumentException("Invalid source partition: null");
        }
        try {
            Set<String> unknown = partition.keySet().stream()
                    .filter(key -> !PARTITION_KEYS.contains(key)).collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown keys " + unknown + "; expected " + APP + ", " + REPORT
                        + " and, except for snapshot reports, " + CHUNK);
            }
            String appId = requireText(partition, APP);
            Report report = Report.require(requireText(partition, REPORT));
            if (report.kind() == Report.Kind.SNAPSHOT && partition.containsKey(CHUNK)) {
                throw new IllegalArgumentException("snapshot report " + report + " has no '" + CHUNK + "'");
            }
            if (report.kind() == Report.Kind.SNAPSHOT) {
                return snapshot(appId, report);
            }
            return new WorkUnit(appId, report, Chunk.parse(requireText(partition, CHUNK), chunkLength));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid source partition " + partition + ": " + e.getMessage(), e);
        }
    }

    /**
     * A compact, reversible text form for task configs: {@code <app>/<report>[/<chunk start>/<length>]}, the
     * App id URL-encoded so the text never holds the separators {@code /} and {@code ,}.
     */
    public String encode() {
        String head = URLEncoder.encode(appId, StandardCharsets.UTF_8) + FIELD_SEPARATOR + report.apiName();
        if (chunk == null) {
            return head;
        }
        return head + FIELD_SEPARATOR + chunk.text() + FIELD_SEPARATOR + chunk.length();
    }

    /**
     * Reads the form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException when the text is not such a form
     */
    public static WorkUnit decode(String text) {
        String[] fields = text.split(FIELD_SEPARATOR, -1);
        try {
            if (fields.length == 2) {
                return new WorkUnit(URLDecoder.decode(fields[0], StandardCharsets.UTF_8), Report.require(fields[1]), null);
            }
            if (fields.length == 4) {
                Chunk chunk = Chunk.parse(fields[2], Duration.parse(fields[3]));
                return new WorkUnit(URLDecoder.decode(fields[0], StandardCharsets.UTF_8), Report.require(fields[1]), chunk);
            }
            throw new IllegalArgumentException("expected <app>/<report> or <app>/<report>/<chunk start>/<length>");
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid unit of work '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The units joined by commas, for one task config value; {@link #decodeAll} reverses it. */
    public static String encodeAll(Collection<WorkUnit> units) {
        return units.stream().map(WorkUnit::encode).collect(Collectors.joining(LIST_SEPARATOR));
    }

    /** Reads the form written by {@link #encodeAll}; a blank text is no units. */
    public static List<WorkUnit> decodeAll(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(LIST_SEPARATOR)).map(String::trim).map(WorkUnit::decode).toList();
    }

    /** For logs: {@code <app>:enquiry-detail@2026-01-01}, or {@code <app>:channel-type-list}. */
    @Override
    public String toString() {
        return appId + ":" + report.apiName() + (chunk == null ? "" : "@" + chunk.label());
    }

    private static String requireText(Map<String, ?> partition, String key) {
        Object value = partition.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' must be a non-blank string, got " + value);
        }
        return text;
    }
}
