package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private final FuzzBytes spoil;
    private final FuzzTrees trees;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    FuzzBodies(long seed) {
        this.random = new Random(seed);
        this.spoil = new FuzzBytes(random);
        this.trees = new FuzzTrees(random);
    }

    Body next(Class<?> model, boolean list) {
        Kind kind = pickKind();
        int status = random.nextInt(10) < 7 ? 200 : 100 + random.nextInt(500);
        String retryAfter = random.nextInt(8) == 0 ? RETRY_AFTER[random.nextInt(RETRY_AFTER.length)] : null;
        byte[] bytes = switch (kind) {
            case PRISTINE -> {
                status = random.nextInt(8) == 0 ? 200 + random.nextInt(7) : 200;
                yield trees.write(trees.pristine(model, list));
            }
            case ERROR_CODE -> {
                status = ERROR_STATUSES[random.nextInt(ERROR_STATUSES.length)];
                yield trees.write(errorBody());
            }
            case NO_RECORDS -> {
                status = new int[] {200, 400, 404}[random.nextInt(3)];
                yield utf8("{\"code\":6451011,\"message\":\"No records found\"}");
            }
            case WRONG_TYPE -> trees.write(trees.wrongTypes(trees.pristine(model, list)));
            case WRONG_ENVELOPE -> wrongEnvelope(model, list);
            case TRUNCATED -> spoil.truncate(trees.write(trees.pristine(model, list)));
            case BYTE_MUTATION -> spoil.mutate(trees.write(trees.pristine(model, list)));
            case INVALID_UTF8 -> spoil.invalidUtf8(trees.write(trees.pristine(model, list)));
            case HUGE_STRING -> hugeString(model, list);
            case HUGE_ARRAY -> hugeArray();
            case DEEP -> deep(model, list);
            case EMPTY -> utf8(new String[] {"", " \n\t ", "null", "{}", "[]", "0", "\"\"", "true", "[null]"}[random.nextInt(9)]);
            case BINARY -> spoil.binary();
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

    private byte[] wrongEnvelope(Class<?> model, boolean list) {
        String rows = new String(trees.write(trees.arrayOf(model)), StandardCharsets.UTF_8);
        String object = new String(trees.write(trees.modelObject(model, 0)), StandardCharsets.UTF_8);
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

    private JsonNode errorBody() {
        ObjectNode root = nodes.objectNode();
        int code = random.nextInt(5) == 0 ? random.nextInt() : CODES[random.nextInt(CODES.length)];
        root.set("code", random.nextInt(6) == 0 ? nodes.textNode(Integer.toString(code)) : nodes.numberNode(code));
        root.put("message", random.nextBoolean() ? "Exceed maximum query day " + random.nextInt(200) : trees.text(60));
        if (random.nextInt(3) == 0) {
            root.set(ENVELOPES[random.nextInt(4)], trees.randomValue(2));
        }
        return root;
    }

    private byte[] hugeString(Class<?> model, boolean list) {
        int length = 50_000 + random.nextInt(1_000_000);
        StringBuilder big = new StringBuilder(length);
        String alphabet = new String[] {"a", "\\\"", "é", "二", "\\u0000", "😀", "\\ud800"}[random.nextInt(7)];
        while (big.length() < length) {
            big.append(alphabet);
        }
        JsonNode tree = trees.pristine(model, list);
        String body = new String(trees.write(tree), StandardCharsets.UTF_8);
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
        String rows = new String(trees.write(trees.arrayOf(model)), StandardCharsets.UTF_8);
        String[] shapes = {nest, "{\"code\":0,\"result\":[{\"x\":" + nest + "}]}", "{\"code\":" + nest + ",\"result\":" + rows + "}",
            "{\"code\":0,\"result\":" + nest + "}", "{\"code\":0,\"message\":" + nest + ",\"result\":" + rows + "}",
            "{\"code\":0,\"result\":{\"data\":{\"list\":" + nest + "}}}", "{\"code\":0,\"totalEnquiries\":" + nest + "}"};
        return utf8(shapes[random.nextInt(shapes.length)]);
    }

    private byte[] hugeNumber(Class<?> model, boolean list) {
        String digits = "9".repeat(20 + random.nextInt(3_000));
        String number = new String[] {digits, "-" + digits, "1e999999", "-0.0", "1" + digits + ".5e-99999",
                "12345678901234567890", "NaN", "0x10", "Infinity", "-"}[random.nextInt(10)];
        String body = new String(trees.write(trees.pristine(model, list)), StandardCharsets.UTF_8);
        String[] shapes = {"{\"code\":" + number + ",\"result\":[]}",
            body.replaceFirst(":(\\d+)([,}])", ":" + number + "$2"), "[{\"seq\":" + number + ",\"callDuration\":" + number + "}]",
            "{\"code\":0,\"totalEnquiries\":" + number + "}"};
        return utf8(shapes[random.nextInt(shapes.length)]);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
