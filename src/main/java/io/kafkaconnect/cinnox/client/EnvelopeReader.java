package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a response body in whichever envelope the API used: a bare array, or an object with the payload
 * under {@code result}, {@code data}, {@code records} or {@code list} (one nested level tolerated), or for
 * single objects a flattened object. Lists are streamed: each element is bound straight from the parser.
 */
final class EnvelopeReader {

    private static final Set<String> PAYLOAD_KEYS = Set.of("result", "data", "records", "list");
    private static final Set<String> ENVELOPE_KEYS = Set.of("code", "message");
    private static final int MAX_NESTING = 2;

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    EnvelopeReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    static ObjectMapper defaultMapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Reads a list body; the payload is null when the body held no records array at all. */
    <T> ResponseBody<List<T>> readList(InputStream in, Class<T> type) throws IOException {
        ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return ResponseBody.empty();
            }
            if (first == JsonToken.START_ARRAY) {
                return new ResponseBody<>(null, null, readArray(parser, reader));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "expected a JSON object or array, got " + first);
            }
            ListState<T> state = new ListState<>(reader);
            readFields(parser, state, 0);
            return new ResponseBody<>(state.code, state.message, state.records);
        }
    }

    /** Reads a single-object body: {@code result}/{@code data} object, first element of an array, or flattened. */
    <T> ResponseBody<T> readObject(InputStream in, Class<T> type) throws IOException {
        JsonNode root;
        try (JsonParser parser = factory.createParser(in)) {
            root = parser.nextToken() == null ? null : mapper.readTree(parser);
        }
        if (root == null || root.isMissingNode()) {
            return ResponseBody.empty();
        }
        if (root.isArray()) {
            return new ResponseBody<>(null, null, bind(root.path(0), type));
        }
        if (!root.isObject()) {
            throw new JsonParseException(null, "expected a JSON object or array, got " + root.getNodeType());
        }
        Integer code = codeOf(root.get("code"));
        String message = root.hasNonNull("message") ? root.get("message").asText() : null;
        return new ResponseBody<>(code, message, bind(payloadOf((ObjectNode) root), type));
    }

    private <T> void readFields(JsonParser parser, ListState<T> state, int depth) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (depth == 0 && "code".equals(name)) {
                state.code = codeOf(parser, value);
            } else if (depth == 0 && "message".equals(name) && value.isScalarValue()) {
                state.message = parser.getValueAsString();
            } else if (PAYLOAD_KEYS.contains(name) && value == JsonToken.START_ARRAY && state.records == null) {
                state.records = readArray(parser, state.reader);
            } else if (PAYLOAD_KEYS.contains(name) && value == JsonToken.START_OBJECT && depth < MAX_NESTING) {
                readFields(parser, state, depth + 1);
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected " + token + " in response object");
        }
    }

    private static <T> List<T> readArray(JsonParser parser, ObjectReader reader) throws IOException {
        List<T> records = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "end of input inside the records array");
            }
            if (token != JsonToken.VALUE_NULL) {
                records.add(reader.readValue(parser));
            }
        }
        return records;
    }

    private JsonNode payloadOf(ObjectNode root) {
        for (String key : PAYLOAD_KEYS) {
            JsonNode candidate = root.get(key);
            if (candidate != null && candidate.isObject()) {
                return candidate;
            }
            if (candidate != null && candidate.isArray()) {
                return candidate.path(0);
            }
        }
        ObjectNode flattened = root.deepCopy();
        flattened.remove(ENVELOPE_KEYS);
        flattened.remove(PAYLOAD_KEYS);
        return flattened;
    }

    private <T> T bind(JsonNode node, Class<T> type) throws IOException {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return null;
        }
        return mapper.treeToValue(node, type);
    }

    private static Integer codeOf(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            long code = parser.getLongValue();
            return code > Integer.MAX_VALUE || code < Integer.MIN_VALUE ? null : (int) code;
        }
        if (value == JsonToken.VALUE_STRING) {
            return parseCode(parser.getText());
        }
        parser.skipChildren();
        return null;
    }

    private static Integer codeOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        return node.isTextual() ? parseCode(node.asText()) : null;
    }

    private static Integer parseCode(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class ListState<T> {
        private final ObjectReader reader;
        private Integer code;
        private String message;
        private List<T> records;

        private ListState(ObjectReader reader) {
            this.reader = reader;
        }
    }
}
