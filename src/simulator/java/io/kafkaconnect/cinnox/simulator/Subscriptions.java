package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enquiry event subscription of each App (PATCH inquiry-event-sub): validates the body, runs the URL challenge
 * handshake and keeps the active subscriptions, which {@link Webhooks} delivers enquiry events to.
 */
final class Subscriptions {

    /**
     * An active subscription of one App.
     *
     * @param since when it became active; an edit keeps it, a removal and a new registration start anew
     */
    record Subscription(String url, Instant updatedAt, Instant since) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Subscription> active = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANDSHAKE_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    /** Applies a PATCH body for {@code appId} and returns the response object {enabled, url, updatedAt}. */
    JsonItem patch(String appId, byte[] body, Instant now) {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badQuery("Bad query");
        }
        if (request == null || !request.isObject() || !request.path("enabled").isBoolean()) {
            throw ApiException.badQuery("Bad query");
        }
        boolean enable = request.get("enabled").booleanValue();
        JsonNode urlNode = request.get("url");
        if (enable && (urlNode == null || !urlNode.isTextual() || !validUrl(urlNode.textValue()))) {
            throw ApiException.badQuery("Bad query");
        }
        String url = urlNode != null && urlNode.isTextual() ? urlNode.textValue() : "";
        boolean enabled = false;
        if (enable && handshake(url)) {
            String edited = url;
            active.compute(appId, (id, old) -> new Subscription(edited, now, old == null ? now : old.since()));
            enabled = true;
        } else if (!enable) {
            Subscription removed = active.remove(appId);
            url = url.isEmpty() && removed != null ? removed.url() : url;
        }
        return response(enabled, url, now);
    }

    java.util.Set<String> activeAppIds() {
        return active.keySet();
    }

    Optional<Subscription> active(String appId) {
        return Optional.ofNullable(active.get(appId));
    }

    static JsonItem response(boolean enabled, String url, Instant updatedAt) {
        return g -> {
            g.writeStartObject();
            g.writeBooleanField("enabled", enabled);
            g.writeStringField("url", url);
            g.writeStringField("updatedAt", Timestamps.format(updatedAt));
            g.writeEndObject();
        };
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** POSTs {"challenge": random} and accepts only {"code":0,"result":{"challenge": same}}. */
    private boolean handshake(String url) {
        String challenge = UUID.randomUUID().toString();
        ObjectNode body = MAPPER.createObjectNode().put("challenge", challenge);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(HANDSHAKE_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode answer = MAPPER.readTree(response.body());
            return answer != null && answer.path("code").isInt() && answer.path("code").intValue() == 0
                    && challenge.equals(answer.path("result").path("challenge").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
