package io.kafkaconnect.cinnox.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what CINNOX posts to the receiver: either the URL verification challenge (SPEC 6.3) or an
 * enquiry notification (SPEC 6.1), flat as documented or wrapped in {@code message} like CINNOX's other
 * webhooks. Unknown fields are kept, not refused: CINNOX may add fields at any time.
 */
public sealed interface WebhookBody {

    /** The verification request; answer it with {@link #challengeAnswer(String)}. */
    record Challenge(String challenge) implements WebhookBody {
    }

    /** An enquiry notification. */
    record Event(EnquiryEvent event) implements WebhookBody {
    }

    /** Thrown for a body that is neither; the message says why, for the 400 answer. */
    final class BadBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        BadBodyException(String message) {
            super(message);
        }
    }

    ObjectMapper MAPPER = new ObjectMapper();

    Set<String> KNOWN = Set.of("status", "serviceId", "displayCaseNumber", "eid", "type", "channel", "channelOri",
            "socialId", "date", "destination", "destinationTypes");

    /**
     * Parses a request body.
     *
     * @throws BadBodyException for malformed JSON, a non-object, or an event without {@code eid} or {@code status}
     */
    static WebhookBody parse(byte[] body, Instant receivedAt) throws BadBodyException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadBodyException("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadBodyException("the body must be a JSON object");
        }
        JsonNode fields = root.path("message").isObject() ? root.get("message") : root;
        if (!fields.has("eid") && root.path("challenge").isTextual()) {
            return new Challenge(root.get("challenge").textValue());
        }
        return new Event(event(fields, receivedAt));
    }

    private static EnquiryEvent event(JsonNode fields, Instant receivedAt) throws BadBodyException {
        String eid = text(fields, "eid");
        String status = text(fields, "status");
        if (eid == null || eid.isBlank()) {
            throw new BadBodyException("not an enquiry event: the field eid is missing or blank");
        }
        if (status == null || status.isBlank()) {
            throw new BadBodyException("not an enquiry event: the field status is missing or blank");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        String dateText = text(fields, "date");
        Instant date = null;
        if (dateText != null && !dateText.isBlank()) {
            Optional<Instant> parsed = ApiTimestamps.parse(dateText);
            if (parsed.isPresent()) {
                date = parsed.get();
            } else {
                raw.put("date", dateText);
            }
        }
        return new EnquiryEvent(eid, status, text(fields, "serviceId"), text(fields, "displayCaseNumber"),
                text(fields, "type"), text(fields, "channel"), text(fields, "channelOri"), text(fields, "socialId"),
                date, text(fields, "destination"), text(fields, "destinationTypes"), unknown(fields), raw, receivedAt);
    }

    /** A field as text: strings as they are, other JSON values as their JSON text, null when absent. */
    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String unknown(JsonNode fields) {
        ObjectNode unknown = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN.contains(field.getKey())) {
                unknown.set(field.getKey(), field.getValue());
            }
        }
        return unknown.isEmpty() ? null : unknown.toString();
    }

    /** {@code {"code":0,"result":{"challenge":<challenge>}}}, the answer CINNOX verifies. */
    static byte[] challengeAnswer(String challenge) {
        ObjectNode answer = MAPPER.createObjectNode().put("code", 0);
        answer.putObject("result").put("challenge", challenge);
        return bytes(answer);
    }

    /** {@code {"code":0,"result":{}}}: the event is in Kafka. */
    static byte[] accepted() {
        ObjectNode answer = MAPPER.createObjectNode().put("code", 0);
        answer.putObject("result");
        return bytes(answer);
    }

    /** {@code {"code":<status>,"message":<message>}} for refused requests. */
    static byte[] error(int status, String message) {
        return bytes(MAPPER.createObjectNode().put("code", status).put("message", message));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
