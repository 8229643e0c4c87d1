package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes CINNOX bodies to an exchange: success envelopes, error bodies, and the body-level faults. */
final class ResponseWriter {

    // Emoji are written as UTF-8 bytes, not as escaped surrogate pairs.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final byte[] HTML_500 = ("<html><head><title>500 Internal Server Error</title></head><body>"
            + "<h1>Internal Server Error</h1><p>upstream failed</p></body></html>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_JSON = "<!DOCTYPE html><html><body>OK</body></html>\n{\"code\":0,\"result\":["
            .getBytes(StandardCharsets.UTF_8);

    private final Behaviour behaviour;
    private final Traps traps;

    ResponseWriter(Behaviour behaviour, Traps traps) {
        this.behaviour = behaviour;
        this.traps = traps;
    }

    /** Serialises a success payload with the envelope configured for the endpoint (null: the general one). */
    byte[] successBody(Payload payload, String endpoint) {
        return json(g -> {
            boolean items = traps.itemsEnvelope(endpoint);
            Envelope envelope = items ? Envelope.RESULT : behaviour.envelope(endpoint);
            if (envelope != Envelope.BARE_ARRAY) {
                g.writeStartObject();
                g.writeNumberField("code", 0);
                g.writeFieldName(envelope == Envelope.DATA ? "data" : "result");
            }
            if (items) {
                g.writeStartObject();
                g.writeFieldName("items");
            }
            if (payload.isList()) {
                g.writeStartArray();
                for (JsonItem row : payload.rows()) {
                    row.write(g);
                }
                g.writeEndArray();
            } else {
                payload.object().write(g);
            }
            if (items) {
                g.writeEndObject();
            }
            if (envelope != Envelope.BARE_ARRAY) {
                g.writeEndObject();
            }
        });
    }

    static byte[] errorBody(int code, String message) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    static byte[] json(JsonItem item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            item.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    void sendError(HttpExchange exchange, ApiException e) throws IOException {
        send(exchange, e.httpStatus(), errorBody(e.code(), e.getMessage()));
    }

    void sendHtml500(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(500, HTML_500.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(HTML_500);
        }
    }

    void sendMalformed(HttpExchange exchange) throws IOException {
        send(exchange, 200, NOT_JSON);
    }

    /** HTTP 200, chunked, with only the first half of the body: for a list page the cut falls inside the array. */
    void sendTruncated(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, 0, Math.max(1, body.length / 2));
        }
    }
}
