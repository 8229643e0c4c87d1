package io.kafkaconnect.cinnox.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The state of converting one record: the raw text of values that did not convert and the unknown fields
 * met at any depth, both created only when needed. Paths are built only when something is recorded.
 */
public final class Conversion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversionIssues issues;
    private Map<String, String> rawValues;
    private Map<String, Object> unknownFields;

    public Conversion(ConversionIssues issues) {
        this.issues = issues;
    }

    /**
     * Converts an RFC 3339 text to a {@code Timestamp} value. Null or blank text means absent; any other
     * text that does not parse is kept in {@code rawValues} under its path and counted.
     */
    public Date timestamp(String prefix, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<java.time.Instant> instant = ApiTimestamps.parse(text);
        if (instant.isPresent()) {
            return Date.from(instant.get());
        }
        issues.unparsedTimestamp();
        raw(path(prefix, field), text);
        return null;
    }

    /** Records a value that could not be converted and must not be kept (e.g. a secret URL). */
    public void unusableUrl() {
        issues.unusableUrl();
    }

    public void raw(String path, String text) {
        if (rawValues == null) {
            rawValues = new LinkedHashMap<>();
        }
        rawValues.put(path, text);
    }

    /** Keeps the fields of one (possibly nested) object that its schema does not know. */
    public void unknown(String prefix, Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return;
        }
        if (unknownFields == null) {
            unknownFields = new LinkedHashMap<>();
        }
        for (Map.Entry<String, Object> entry : extra.entrySet()) {
            unknownFields.put(path(prefix, entry.getKey()), entry.getValue());
        }
    }

    /** Converts a nested object, or returns null when the API sent none. */
    public <M> Struct nested(String prefix, String field, M model, BiFunction<M, String, Struct> converter) {
        return model == null ? null : converter.apply(model, path(prefix, field));
    }

    /** Converts an array of objects; null elements are dropped, indices in paths stay the API's. */
    public <M> List<Struct> list(String prefix, String field, List<M> models, BiFunction<M, String, Struct> converter) {
        if (models == null) {
            return null;
        }
        String base = path(prefix, field);
        List<Struct> structs = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            M model = models.get(i);
            if (model != null) {
                structs.add(converter.apply(model, base + "[" + i + "]"));
            }
        }
        return structs;
    }

    /** Puts {@code unknownFields} and {@code rawValues} into a top-level value struct. */
    public Struct finish(Struct value) {
        if (unknownFields != null) {
            issues.unknownFields(unknownFields.size());
            value.put(Schemas.UNKNOWN_FIELDS, toJson(unknownFields));
        }
        if (rawValues != null) {
            value.put(Schemas.RAW_VALUES, Collections.unmodifiableMap(rawValues));
        }
        return value;
    }

    public static List<String> strings(List<String> values) {
        if (values == null) {
            return null;
        }
        if (!values.contains(null)) {
            return values;
        }
        List<String> kept = new ArrayList<>(values);
        kept.removeIf(v -> v == null);
        return kept;
    }

    public static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static String toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            // Values come from Jackson's own binding, so this cannot happen; keep the names at least.
            com.fasterxml.jackson.databind.node.ObjectNode names = JSON.createObjectNode();
            fields.keySet().forEach(name -> names.putNull(name));
            return names.toString();
        }
    }
}
