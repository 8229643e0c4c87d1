package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the one object of a single-object answer (overview, subscription) in a parsed body: under a
 * payload key, first of an array, or flattened beside {@code code}. An object with no field the model
 * knows is no payload, so that a stray envelope key never becomes a record of nulls.
 */
final class ObjectPayloadReader {

    private static final List<String> ENVELOPE_KEYS = List.of("code", "message");

    private final ObjectMapper mapper;
    private final Map<Class<?>, Set<String>> knownFields = new ConcurrentHashMap<>();

    ObjectPayloadReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> ResponseBody<T> read(JsonNode root, Class<T> type) throws IOException {
        if (root.isArray()) {
            T payload = bind(root.path(0), type);
            return new ResponseBody<>(null, null, payload, payload == null ? "an object (an array without one)" : null);
        }
        if (!root.isObject()) {
            throw new UnreadableEnvelope("expected a JSON object or array, got " + root.getNodeType());
        }
        Integer code = root.has("code") ? codeOf(root.get("code")) : null;
        String message = root.hasNonNull("message") ? root.get("message").asText() : null;
        T payload = bind(payloadOf((ObjectNode) root), type);
        return new ResponseBody<>(code, message, payload,
                payload == null ? "an object with a known field (keys: " + keysOf(root) + ")" : null);
    }

    private static JsonNode payloadOf(ObjectNode root) {
        for (String key : EnvelopeReader.PAYLOAD_KEYS) {
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
        flattened.remove(EnvelopeReader.PAYLOAD_KEYS);
        return flattened;
    }

    private <T> T bind(JsonNode node, Class<T> type) throws IOException {
        if (node == null || !node.isObject() || !hasKnownField(node, type)) {
            return null;
        }
        return mapper.treeToValue(node, type);
    }

    private boolean hasKnownField(JsonNode node, Class<?> type) {
        Set<String> known = knownFields.computeIfAbsent(type, this::fieldsOf);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (known.contains(names.next())) {
                return true;
            }
        }
        return false;
    }

    private Set<String> fieldsOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (BeanPropertyDefinition property : mapper.getDeserializationConfig()
                .introspect(mapper.constructType(type)).findProperties()) {
            names.add(property.getName());
            for (PropertyName alias : property.findAliases()) {
                names.add(alias.getSimpleName());
            }
        }
        return Set.copyOf(names);
    }

    private static String keysOf(JsonNode root) {
        KeyList keys = new KeyList();
        root.fieldNames().forEachRemaining(name -> {
            keys.add(name);
            JsonNode value = root.get(name);
            if (EnvelopeReader.PAYLOAD_KEYS.contains(name) && value.isObject()) {
                value.fieldNames().forEachRemaining(inner -> keys.add(name + "." + inner));
            }
        });
        return keys.toString();
    }

    private static Integer codeOf(JsonNode node) throws UnreadableEnvelope {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            return EnvelopeReader.parseCode(node.asText());
        }
        throw new UnreadableEnvelope("the code is " + node.getNodeType() + ", not an int");
    }
}
