package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the client must make of a body, decided from the whole body parsed as a tree (not the client's
 * streaming path): records only from one valid JSON value whose success envelope holds an array of
 * objects and nulls; "no records" only for 6451011 or an empty array; otherwise an error.
 */
final class FuzzOracle {

    enum Shape { LIST, OBJECT, PATCH }

    enum Outcome { ERROR, NO_RECORDS, RECORDS, OBJECT, ECHO, EITHER }

    /** The expected outcome; {@code objects} and {@code nulls} for RECORDS, {@code object} for OBJECT. */
    record Verdict(Outcome outcome, List<JsonNode> objects, int nulls, JsonNode object) {

        static Verdict of(Outcome outcome) {
            return new Verdict(outcome, List.of(), 0, null);
        }
    }

    private static final List<String> PAYLOAD = List.of("result", "data", "records", "list");
    private static final int NO_RECORDS = 6451011;
    private static final Map<Class<?>, List<RecordComponent>> STRING_FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private final ObjectMapper strict = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final ObjectMapper lenient = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The model binding contract (unknown fields kept, single values as arrays), applied to one element. */
    private final ObjectMapper binder = EnvelopeReader.defaultMapper();

    Verdict judge(int status, byte[] body, Class<?> model, Shape shape) {
        JsonNode root;
        try {
            root = strict.readTree(body);
        } catch (IOException | RuntimeException notStrict) {
            return Verdict.of(parses(body) ? Outcome.EITHER : Outcome.ERROR);
        }
        if (root == null || root.isMissingNode()) {
            return Verdict.of(Outcome.ERROR);
        }
        Integer code;
        try {
            code = root.isObject() && root.has("code") ? codeOf(root.get("code")) : null;
        } catch (NumberFormatException notACode) {
            return Verdict.of(Outcome.ERROR);
        }
        return shape == Shape.LIST ? judgeList(status, root, code, model) : judgeObject(status, root, code, model, shape);
    }

    private boolean parses(byte[] body) {
        try {
            lenient.readTree(body);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Verdict judgeList(int status, JsonNode root, Integer code, Class<?> model) {
        JsonNode array = root.isArray() ? root : root.isObject() ? findArray(root, 0) : null;
        if (!root.isContainerNode()) {
            return Verdict.of(Outcome.ERROR);
        }
        if (code != null && code == NO_RECORDS) {
            return Verdict.of(array != null && !allBind(array, model) ? Outcome.EITHER : Outcome.NO_RECORDS);
        }
        if (!success(status, code) || array == null) {
            return Verdict.of(Outcome.ERROR);
        }
        List<JsonNode> objects = new ArrayList<>();
        int nulls = 0;
        for (JsonNode element : array) {
            if (element.isNull()) {
                nulls++;
            } else if (element.isObject()) {
                objects.add(element);
            } else {
                return Verdict.of(Outcome.ERROR);
            }
        }
        return allBind(array, model) ? new Verdict(Outcome.RECORDS, objects, nulls, null) : Verdict.of(Outcome.ERROR);
    }

    private Verdict judgeObject(int status, JsonNode root, Integer code, Class<?> model, Shape shape) {
        if (!root.isContainerNode()) {
            return Verdict.of(Outcome.ERROR);
        }
        JsonNode payload = root.isArray() ? root.path(0) : payloadOf((ObjectNode) root);
        boolean known = payload.isObject() && hasKnownField(payload, model);
        if (known && !binds(payload, model)) {
            return Verdict.of(code != null && code == NO_RECORDS ? Outcome.EITHER : Outcome.ERROR);
        }
        if (code != null && code == NO_RECORDS) {
            return Verdict.of(shape == Shape.PATCH ? Outcome.ECHO : Outcome.NO_RECORDS);
        }
        if (!success(status, code)) {
            return Verdict.of(Outcome.ERROR);
        }
        if (!known) {
            return Verdict.of(shape == Shape.PATCH && code != null ? Outcome.ECHO : Outcome.ERROR);
        }
        return new Verdict(Outcome.OBJECT, List.of(), 0, payload);
    }

    private static boolean success(int status, Integer code) {
        return code == null ? status >= 200 && status < 300 : code == 0 || code == 200;
    }

    private static Integer codeOf(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            return Integer.valueOf(node.asText().strip());
        }
        throw new NumberFormatException("not a code");
    }

    /** The first array under a payload key, in document order, at most two payload objects deep. */
    private static JsonNode findArray(JsonNode object, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!PAYLOAD.contains(field.getKey())) {
                continue;
            }
            if (field.getValue().isArray()) {
                return field.getValue();
            }
            if (field.getValue().isObject() && depth < 2) {
                JsonNode inner = findArray(field.getValue(), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static JsonNode payloadOf(ObjectNode root) {
        for (String key : PAYLOAD) {
            JsonNode candidate = root.path(key);
            if (candidate.isObject()) {
                return candidate;
            }
            if (candidate.isArray()) {
                return candidate.path(0);
            }
        }
        ObjectNode flattened = root.deepCopy();
        flattened.remove(List.of("code", "message", "result", "data", "records", "list"));
        return flattened;
    }

    private static boolean hasKnownField(JsonNode object, Class<?> model) {
        for (RecordComponent component : model.getRecordComponents()) {
            if (!component.getName().equals("extra") && object.has(component.getName())) {
                return true;
            }
        }
        return false;
    }

    private boolean allBind(JsonNode array, Class<?> model) {
        for (JsonNode element : array) {
            if (element.isObject() && !binds(element, model)) {
                return false;
            }
            if (!element.isObject() && !element.isNull()) {
                return true; // the client stops binding at the first element that is no object
            }
        }
        return true;
    }

    private boolean binds(JsonNode object, Class<?> model) {
        try {
            binder.treeToValue(object, model);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Null when every plain String field of the record is what the JSON object said (absent or null
     * gives null), else a description of the first difference. Fields with Jackson annotations are skipped.
     */
    static String sameStrings(Object record, JsonNode object) {
        for (RecordComponent component : STRING_FIELDS.computeIfAbsent(record.getClass(), FuzzOracle::plainStrings)) {
            JsonNode value = object.path(component.getName());
            if (!value.isTextual() && !value.isMissingNode() && !value.isNull()) {
                continue;
            }
            Object actual;
            try {
                actual = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            Object expected = value.isTextual() ? value.asText() : null;
            if (!java.util.Objects.equals(expected, actual)) {
                return component.getName() + ": expected " + abbreviate(expected) + " got " + abbreviate(actual);
            }
        }
        return null;
    }

    private static List<RecordComponent> plainStrings(Class<?> type) {
        List<RecordComponent> plain = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class && component.getAnnotations().length == 0) {
                plain.add(component);
            }
        }
        return List.copyOf(plain);
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
