package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** JSON trees for the fuzz bodies: envelopes of records built from the models' own fields, and wrong types in them. */
final class FuzzTrees {

    private static final String[] ENVELOPES = {"result", "data", "records", "list"};

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    FuzzTrees(Random random) {
        this.random = random;
    }

    /** A well-formed success body in one of the envelopes the client accepts. */
    JsonNode pristine(Class<?> model, boolean list) {
        JsonNode payload;
        if (list) {
            ArrayNode array = nodes.arrayNode();
            int size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(8);
            for (int i = 0; i < size; i++) {
                array.add(random.nextInt(10) == 0 ? nodes.nullNode() : modelObject(model, 0));
            }
            payload = array;
        } else {
            payload = modelObject(model, 0);
        }
        return envelope(payload, list);
    }

    private JsonNode envelope(JsonNode payload, boolean list) {
        int shape = random.nextInt(7);
        if (shape == 0) {
            return list ? payload : nodes.arrayNode().add(payload);
        }
        ObjectNode root = nodes.objectNode();
        if (shape != 1) {
            root.set("code", random.nextBoolean() ? nodes.numberNode(random.nextInt(4) == 0 ? 200 : 0) : nodes.textNode("0"));
        }
        if (random.nextInt(3) == 0) {
            root.put("message", random.nextBoolean() ? "OK" : text(20));
        }
        String key = ENVELOPES[random.nextInt(ENVELOPES.length)];
        if (shape == 2 && list) {
            ObjectNode nested = root.putObject(key);
            nested.put("total", payload.size());
            nested.set(ENVELOPES[random.nextInt(ENVELOPES.length)], payload);
        } else if (shape == 3 && !list) {
            ((ObjectNode) payload).fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        } else {
            root.set(key, payload);
        }
        if (random.nextInt(4) == 0) {
            root.putObject("meta").put("requestId", text(12)).putArray("tags").add(1).add("x");
        }
        return root;
    }

    /** An object with values of the right type for a random subset of the model's fields, plus unknown fields. */
    ObjectNode modelObject(Class<?> model, int depth) {
        ObjectNode object = nodes.objectNode();
        for (RecordComponent component : model.getRecordComponents()) {
            if (!component.getName().equals("extra") && random.nextInt(3) != 0) {
                object.set(component.getName(), valueOf(component.getGenericType(), depth));
            }
        }
        if (random.nextInt(4) == 0) {
            object.set("x" + random.nextInt(100), randomValue(2));
        }
        return object;
    }

    private JsonNode valueOf(Type type, int depth) {
        if (type == String.class) {
            return random.nextInt(12) == 0 ? nodes.nullNode() : nodes.textNode(text(24));
        }
        if (type == Long.class || type == Integer.class) {
            return nodes.numberNode(random.nextInt(100_000));
        }
        if (type == Double.class) {
            return nodes.numberNode(random.nextInt(100_000) / 8.0);
        }
        if (type == Boolean.class) {
            return nodes.booleanNode(random.nextBoolean());
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ArrayNode array = nodes.arrayNode();
            for (int i = random.nextInt(3); i > 0 && depth < 3; i--) {
                array.add(valueOf(list.getActualTypeArguments()[0], depth + 1));
            }
            return array;
        }
        if (type instanceof Class<?> nested && nested.isRecord() && depth < 3) {
            return modelObject(nested, depth + 1);
        }
        return nodes.nullNode();
    }

    /** Any JSON value, nested up to {@code depth}. */
    JsonNode randomValue(int depth) {
        int pick = random.nextInt(depth > 0 ? 9 : 7);
        return switch (pick) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4, 5 -> nodes.textNode(text(16));
            case 6 -> nodes.numberNode(random.nextInt(3) - 1);
            case 7 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? ENVELOPES[random.nextInt(4)] : "k" + random.nextInt(9), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    /** Replaces one to three nodes anywhere in the tree (the root included) with values of other types. */
    JsonNode wrongTypes(JsonNode root) {
        JsonNode current = root;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(current, containers);
            if (containers.isEmpty() || random.nextInt(15) == 0) {
                current = randomValue(2);
                continue;
            }
            JsonNode parent = containers.get(random.nextInt(containers.size()));
            if (parent.size() == 0) {
                continue;
            }
            int index = random.nextInt(parent.size());
            if (parent instanceof ObjectNode object) {
                String name = List.copyOf(iterable(object)).get(index);
                object.set(name, randomValue(2));
            } else {
                ((ArrayNode) parent).set(index, randomValue(2));
            }
        }
        return current;
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, into));
        }
    }

    JsonNode arrayOf(Class<?> model) {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(modelObject(model, 0));
        }
        return array;
    }

    String text(int max) {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "Z", "0", " ", "é", "二", "😀", "\"", "\\", "\n", "\u0000", "/", "https://x.example/r?s=1", "\u2028"};
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    byte[] write(JsonNode tree) {
        try {
            return json.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
