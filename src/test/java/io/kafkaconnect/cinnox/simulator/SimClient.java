package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/** Plain JDK HTTP client for simulator tests. */
final class SimClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    record Reply(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        int code() {
            return json().path("code").asInt();
        }

        String message() {
            return json().path("message").asText();
        }

        JsonNode result() {
            return json().path("result");
        }
    }

    private final CinnoxSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    SimClient(CinnoxSimulator sim) {
        this.sim = sim;
    }

    /** Builds an encoded query string from name/value pairs. */
    static String query(Object... pairs) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            String value = v instanceof Instant t ? Timestamps.format(t) : String.valueOf(v);
            j.add(pairs[i] + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    Reply get(String dataType, String rawQuery) {
        return get(sim.defaultAccount(), dataType, rawQuery);
    }

    Reply get(SimAccount app, String dataType, String rawQuery) {
        return send("GET", "/v1/api/apps/" + app.appId() + "/data/" + dataType, rawQuery, app.token(), null);
    }

    Reply send(String method, String path, String rawQuery, String token, String body) {
        String uri = sim.baseUrl() + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> raw(String dataType, String rawQuery) throws IOException, InterruptedException {
        SimAccount a = sim.defaultAccount();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/api/apps/" + a.appId() + "/data/"
                + dataType + "?" + rawQuery)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + a.token()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
