package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a response body in whichever envelope the API used: a bare array, or an object with the payload
 * under {@code result}, {@code data}, {@code records} or {@code list} (one nested level tolerated), or for
 * single objects a flattened object. Lists are streamed: each element is bound straight from the parser.
 * A body is one JSON value and nothing after it; a records array holds objects and nulls only.
 */
final class EnvelopeReader {

    /** In the order a single-object body is searched; iteration order of a Set.of would change per JVM. */
    static final List<String> PAYLOAD_KEYS = List.of("result", "data", "records", "list");
    private static final int MAX_NESTING = 2;

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ObjectPayloadReader objects;

    EnvelopeReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.objects = new ObjectPayloadReader(mapper);
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
    <T> ResponseBody<RecordArray<T>> readList(InputStream in, Class<T> type) throws IOException {
        ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return ResponseBody.empty("a records array (the body is empty)");
            }
            ListState<T> state = new ListState<>(reader);
            if (first == JsonToken.START_ARRAY) {
                readArray(parser, state);
            } else if (first == JsonToken.START_OBJECT) {
                readFields(parser, state, 0, "");
            } else {
                throw new UnreadableEnvelope("expected a JSON object or array, got " + first);
            }
            requireEnd(parser);
            return state.body();
        }
    }

    /**
     * Reads a single-object body: {@code result}/{@code data} object, first element of an array, or
     * flattened. The payload is null unless the object has at least one field the model knows.
     */
    <T> ResponseBody<T> readObject(InputStream in, Class<T> type) throws IOException {
        JsonNode root;
        try (JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() == null) {
                return ResponseBody.empty("an object (the body is empty)");
            }
            root = mapper.readTree(parser);
            requireEnd(parser);
        }
        return objects.read(root, type);
    }

    private <T> void readFields(JsonParser parser, ListState<T> state, int depth, String prefix) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            state.keys.add(prefix + name);
            if (depth == 0 && "code".equals(name)) {
                state.code = codeOf(parser, value);
            } else if (depth == 0 && "message".equals(name) && value.isScalarValue()) {
                state.message = parser.getValueAsString();
            } else if (PAYLOAD_KEYS.contains(name) && value == JsonToken.START_ARRAY && !state.arrayRead) {
                readArray(parser, state);
            } else if (PAYLOAD_KEYS.contains(name) && value == JsonToken.START_OBJECT && depth < MAX_NESTING) {
                readFields(parser, state, depth + 1, prefix + name + ".");
            } else {
                skipDecoding(parser);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new UnreadableEnvelope("unexpected " + token + " in the response object");
        }
    }

    /** Reads the records array; an element that is neither an object nor null spoils the whole array. */
    private static <T> void readArray(JsonParser parser, ListState<T> state) throws IOException {
        state.arrayRead = true;
        List<T> records = new ArrayList<>();
        int nulls = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new UnreadableEnvelope("end of input inside the records array");
            }
            if (token == JsonToken.VALUE_NULL) {
                nulls++;
            } else if (token == JsonToken.START_OBJECT && state.badElement == null) {
                records.add(state.reader.readValue(parser));
            } else {
                // A scalar or an array is not a record, though Jackson would coerce some of them into one.
                if (state.badElement == null) {
                    state.badElement = "element " + (records.size() + nulls) + " is " + token + ", not an object";
                }
                skipDecoding(parser);
            }
        }
        state.records = new RecordArray<>(records, nulls);
    }

    /**
     * Skips the current value but decodes its strings: {@code skipChildren()} alone would let invalid
     * UTF-8 in an ignored part of the body pass, and a body that is not valid JSON is not an answer.
     */
    private static void skipDecoding(JsonParser parser) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == JsonToken.VALUE_STRING) {
                parser.getText();
            } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == null) {
                throw new UnreadableEnvelope("end of input inside the response object");
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new UnreadableEnvelope("more content after the JSON value");
        }
    }

    private static Integer codeOf(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            return parseCode(parser.getText());
        }
        throw new UnreadableEnvelope("the code is " + value + ", not an int");
    }

    static Integer parseCode(String text) throws UnreadableEnvelope {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new UnreadableEnvelope("the code is a string that is not an int");
        }
    }

    private static final class ListState<T> {
        private final ObjectReader reader;
        private final KeyList keys = new KeyList();
        private Integer code;
        private String message;
        private boolean arrayRead;
        private RecordArray<T> records;
        private String badElement;

        private ListState(ObjectReader reader) {
            this.reader = reader;
        }

        private ResponseBody<RecordArray<T>> body() {
            if (badElement != null) {
                return new ResponseBody<>(code, message, null, "a records array of objects (" + badElement + ")");
            }
            return new ResponseBody<>(code, message, records,
                    records == null ? "a records array (keys: " + keys + ")" : null);
        }
    }
}
