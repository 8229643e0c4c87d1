package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of response bodies for the fuzz test: well-formed envelopes built from the models'
 * own fields, and every way to spoil them (truncation, wrong types, wrong envelopes, huge, deep, invalid
 * UTF-8, binary). The same seed gives the same bodies.
 */
final class FuzzBodies {

    enum Kind {
        PRISTINE, ERROR_CODE, NO_RECORDS, WRONG_TYPE, WRONG_ENVELOPE, TRUNCATED, BYTE_MUTATION, INVALID_UTF8,
        HUGE_STRING, HUGE_ARRAY, DEEP, EMPTY, BINARY, HUGE_NUMBER
    }

    /** One generated response. */
    record Body(Kind kind, int status, byte[] bytes, String retryAfter) {
    }

    private static final int[] WEIGHTS = {16, 7, 4, 16, 12, 9, 7, 6, 1, 1, 5, 3, 6, 5};
    private static final int[] CODES = {0, 200, 400, 6450001, 6451000, 6451001, 6451010, 6451011, 6451013, 6452000,
            6452001, 3000203, 429, 503, -1, Integer.MAX_VALUE};
    private static final int[] ERROR_STATUSES = {200, 400, 401, 403, 404, 408, 429, 500, 502, 503};
    private static final String[] RETRY_AFTER = {"", "-1", "0", "7", "99999999999999999999", "soon",
            "Tue, 07 Nov 2023 10:20:00 GMT", "Mon, 32 Foo 1999 99:99:99 GMT", "1e3"};
    private static final String[] ENVELOPES = {"result", "data", "records", "list"};
    private static final String[] ODD_KEYS = {"items", "rows", "Result", "DATA", "payload", "message", "code"};

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    FuzzBodies(long seed) {
        this.random = new Random(seed);
    }

    Body next(Class<?> model, boolean list) {
        Kind kind = pickKind();
        int status = random.nextInt(10) < 7 ? 200 : 100 + random.nextInt(500);
        String retryAfter = random.nextInt(8) == 0 ? RETRY_AFTER[random.nextInt(RETRY_AFTER.length)] : null;
        byte[] bytes = switch (kind) {
            case PRISTINE -> {
                status = random.nextInt(8) == 0 ? 200 + random.nextInt(7) : 200;
                yield write(pristine(model, list));
            }
            case ERROR_CODE -> {
                status = ERROR_STATUSES[random.nextInt(ERROR_STATUSES.length)];
                yield write(errorBody());
            }
            case NO_RECORDS -> {
                status = new int[] {200, 400, 404}[random.nextInt(3)];
                yield utf8("{\"code\":6451011,\"message\":\"No records found\"}");
            }
            case WRONG_TYPE -> write(wrongTypes(pristine(model, list)));
            case WRONG_ENVELOPE -> wrongEnvelope(model, list);
            case TRUNCATED -> truncate(write(pristine(model, list)));
            case BYTE_MUTATION -> mutateBytes(write(pristine(model, list)));
            case INVALID_UTF8 -> invalidUtf8(write(pristine(model, list)));
            case HUGE_STRING -> hugeString(model, list);
            case HUGE_ARRAY -> hugeArray();
            case DEEP -> deep(model, list);
            case EMPTY -> utf8(new String[] {"", " \n\t ", "null", "{}", "[]", "0", "\"\"", "true", "[null]"}[random.nextInt(9)]);
            case BINARY -> binary();
            case HUGE_NUMBER -> hugeNumber(model, list);
        };
        return new Body(kind, status, bytes, retryAfter);
    }

    private Kind pickKind() {
        int total = Arrays.stream(WEIGHTS).sum();
        int roll = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return Kind.values()[i];
            }
        }
        throw new AssertionError();
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
    private ObjectNode modelObject(Class<?> model, int depth) {
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
    private JsonNode randomValue(int depth) {
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
    private JsonNode wrongTypes(JsonNode root) {
        JsonNode current = root;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<JsonNode> containers = new java.util.ArrayList<>();
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
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, into));
        }
    }

    private byte[] wrongEnvelope(Class<?> model, boolean list) {
        String rows = new String(write(arrayOf(model)), StandardCharsets.UTF_8);
        String object = new String(write(modelObject(model, 0)), StandardCharsets.UTF_8);
        String odd = ODD_KEYS[random.nextInt(ODD_KEYS.length)];
        String[] shapes = {
            "{\"code\":0}", "{\"code\":0,\"result\":null}", "{\"code\":0,\"data\":\"x\"}",
            "{\"code\":0,\"result\":{\"" + odd + "\":" + rows + "}}",
            "{\"code\":0,\"result\":{\"result\":{\"result\":{\"list\":" + rows + "}}}}",
            "{\"code\":0,\"" + odd + "\":" + rows + "}",
            "{\"code\":0,\"result\":" + rows + ",\"code\":6451011}",
            "{\"code\":6451011,\"result\":" + rows + ",\"code\":0}",
            "{\"status\":\"ok\",\"result\":" + rows + "}",
            "{\"code\":0,\"result\":" + random.nextInt() + "}",
            "{\"code\":[0],\"result\":" + rows + "}", "{\"code\":{\"v\":0},\"result\":" + rows + "}",
            "{\"code\":true,\"result\":" + rows + "}", "{\"code\":\"0x0\",\"result\":" + rows + "}",
            "{\"code\":\" 0 \",\"result\":" + rows + "}", "{\"code\":\"+0\",\"data\":" + rows + "}",
            "{\"code\":0.0,\"result\":" + rows + "}", "{\"code\":null,\"result\":" + rows + "}",
            "{\"Code\":0,\"Result\":" + rows + "}", "[" + rows + "]", "[1,\"a\",true," + object + "]",
            "{\"code\":0,\"result\":" + rows + "}" + new String[] {"x", "{}", "]", " []", "\u0000"}[random.nextInt(5)],
            "{\"code\":0,\"message\":{\"nested\":1},\"result\":" + rows + "}",
            "{\"code\":0,\"result\":" + object + ",\"data\":" + rows + "}",
            "{\"code\":0,\"data\":" + object + ",\"result\":[]}", "{\"code\":0,\"result\":[],\"data\":" + object + "}",
            "{\"code\":0,\"result\":[" + object + ",null,\"s\"]}", "{\"code\":0," + object.substring(1),
            "{\"code\":0,\"result\":{\"list\":null,\"records\":" + rows + "}}", "\"" + rows.replace("\"", "'") + "\"",
        };
        return utf8(shapes[random.nextInt(shapes.length)]);
    }

    private JsonNode arrayOf(Class<?> model) {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(modelObject(model, 0));
        }
        return array;
    }

    private JsonNode errorBody() {
        ObjectNode root = nodes.objectNode();
        int code = random.nextInt(5) == 0 ? random.nextInt() : CODES[random.nextInt(CODES.length)];
        root.set("code", random.nextInt(6) == 0 ? nodes.textNode(Integer.toString(code)) : nodes.numberNode(code));
        root.put("message", random.nextBoolean() ? "Exceed maximum query day " + random.nextInt(200) : text(60));
        if (random.nextInt(3) == 0) {
            root.set(ENVELOPES[random.nextInt(4)], randomValue(2));
        }
        return root;
    }

    private byte[] truncate(byte[] whole) {
        return whole.length == 0 ? whole : Arrays.copyOf(whole, random.nextInt(whole.length));
    }

    private byte[] mutateBytes(byte[] bytes) {
        byte[] current = bytes;
        for (int n = 1 + random.nextInt(5); n > 0 && current.length > 0; n--) {
            int at = random.nextInt(current.length);
            int op = random.nextInt(4);
            if (op == 0) {
                current[at] = (byte) random.nextInt(256);
            } else if (op == 1) {
                int end = Math.min(current.length, at + 1 + random.nextInt(8));
                current = concat(Arrays.copyOf(current, at), Arrays.copyOfRange(current, end, current.length));
            } else if (op == 2) {
                byte[] insert = new byte[1 + random.nextInt(4)];
                random.nextBytes(insert);
                current = concat(Arrays.copyOf(current, at), insert, Arrays.copyOfRange(current, at, current.length));
            } else {
                int end = Math.min(current.length, at + 1 + random.nextInt(16));
                current = concat(Arrays.copyOf(current, end), Arrays.copyOfRange(current, at, current.length));
            }
        }
        return current;
    }

    private byte[] invalidUtf8(byte[] bytes) {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
                {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}};
        byte[] current = bytes;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int quote = indexOfQuote(current, random.nextInt(Math.max(1, current.length)));
            int at = quote >= 0 && random.nextInt(4) != 0 ? quote + 1 : random.nextInt(current.length + 1);
            current = concat(Arrays.copyOf(current, at), bad[random.nextInt(bad.length)],
                    Arrays.copyOfRange(current, at, current.length));
        }
        return current;
    }

    private static int indexOfQuote(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private byte[] hugeString(Class<?> model, boolean list) {
        int length = 50_000 + random.nextInt(1_000_000);
        StringBuilder big = new StringBuilder(length);
        String alphabet = new String[] {"a", "\\\"", "é", "二", "\\u0000", "😀", "\\ud800"}[random.nextInt(7)];
        while (big.length() < length) {
            big.append(alphabet);
        }
        JsonNode tree = pristine(model, list);
        String body = new String(write(tree), StandardCharsets.UTF_8);
        String where = new String[] {"\"x\":\"", "\"message\":\"", "\"k\":\"", "\""}[random.nextInt(4)];
        int at = body.indexOf('{');
        if (at < 0 || where.equals("\"")) {
            return utf8("{\"code\":0,\"" + big + "\":1,\"result\":[]}");
        }
        return utf8(body.substring(0, at + 1) + where + big + "\"," + body.substring(at + 1));
    }

    private byte[] hugeArray() {
        int size = 1_000 + random.nextInt(20_000);
        String element = new String[] {"{\"id\":\"i\",\"hid\":\"h\"}", "null", "1", "{}", "[]"}[random.nextInt(5)];
        StringBuilder body = new StringBuilder(size * (element.length() + 1) + 40).append("{\"code\":0,\"result\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(element);
        }
        return utf8(body.append(random.nextInt(5) == 0 ? "" : "]}").toString());
    }

    private byte[] deep(Class<?> model, boolean list) {
        int depth = random.nextInt(3) == 0 ? 10 + random.nextInt(100) : 200 + random.nextInt(4_000);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nest = open.repeat(depth) + "1" + (random.nextInt(5) == 0 ? "" : close.repeat(depth));
        String rows = new String(write(arrayOf(model)), StandardCharsets.UTF_8);
        String[] shapes = {nest, "{\"code\":0,\"result\":[{\"x\":" + nest + "}]}", "{\"code\":" + nest + ",\"result\":" + rows + "}",
            "{\"code\":0,\"result\":" + nest + "}", "{\"code\":0,\"message\":" + nest + ",\"result\":" + rows + "}",
            "{\"code\":0,\"result\":{\"data\":{\"list\":" + nest + "}}}", "{\"code\":0,\"totalEnquiries\":" + nest + "}"};
        return utf8(shapes[random.nextInt(shapes.length)]);
    }

    private byte[] binary() {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        byte[][] prefixes = {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
                {0, 0, 0, '['}, {'[', 0, 0, 0}, {0, '{'}, {0x1F, (byte) 0x8B, 8}};
        byte[] prefix = prefixes[random.nextInt(prefixes.length)];
        return concat(prefix, bytes);
    }

    private byte[] hugeNumber(Class<?> model, boolean list) {
        String digits = "9".repeat(20 + random.nextInt(3_000));
        String number = new String[] {digits, "-" + digits, "1e999999", "-0.0", "1" + digits + ".5e-99999",
                "12345678901234567890", "NaN", "0x10", "Infinity", "-"}[random.nextInt(10)];
        String body = new String(write(pristine(model, list)), StandardCharsets.UTF_8);
        String[] shapes = {"{\"code\":" + number + ",\"result\":[]}",
            body.replaceFirst(":(\\d+)([,}])", ":" + number + "$2"), "[{\"seq\":" + number + ",\"callDuration\":" + number + "}]",
            "{\"code\":0,\"totalEnquiries\":" + number + "}"};
        return utf8(shapes[random.nextInt(shapes.length)]);
    }

    private String text(int max) {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "Z", "0", " ", "é", "二", "😀", "\"", "\\", "\n", "\u0000", "/", "https://x.example/r?s=1", "\u2028"};
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private byte[] write(JsonNode tree) {
        try {
            return json.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
