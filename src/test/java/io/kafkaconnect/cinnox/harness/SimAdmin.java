package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's admin routes (served when it runs with {@code --admin}): faults and the App Token switched at
 * runtime, and the request counts a harness reads instead of trusting the connector's own figures.
 */
final class SimAdmin {

    /** The request counts at one moment. */
    record Requests(long total, long rateLimited, Map<String, Long> perRoute, Map<Instant, Integer> perMinute,
            Map<Instant, Integer> perTenSeconds) {

        long route(String name) {
            return perRoute.getOrDefault(name, 0L);
        }
    }

    private final ConnectRest http;

    SimAdmin(String simulatorUrl) {
        this.http = new ConnectRest(simulatorUrl);
    }

    /** POST /_sim/faults with {@code query} (e.g. "error-rate=0.1&rate-limit-storm=on"). */
    void faults(String query) {
        expectOk(http.post("/_sim/faults?" + query), "faults " + query);
    }

    /** Revokes (false) or restores (true) the default App's token. */
    void token(boolean valid) {
        expectOk(http.post("/_sim/token?state=" + (valid ? "valid" : "revoked")), "token");
    }

    Requests requests() {
        ConnectRest.Answer a = http.get("/_sim/requests");
        expectOk(a, "requests");
        JsonNode node = ConnectRest.parse(a.body());
        Map<String, Long> routes = new TreeMap<>();
        node.path("perRoute").properties().forEach(e -> routes.put(e.getKey(), e.getValue().asLong()));
        Map<Instant, Integer> minutes = new TreeMap<>();
        node.path("perAccountMinute").properties().forEach(account -> account.getValue().properties()
                .forEach(m -> minutes.merge(Instant.parse(m.getKey()), m.getValue().asInt(), Integer::sum)));
        Map<Instant, Integer> tens = new TreeMap<>();
        node.path("perTenSeconds").properties().forEach(t -> tens.put(Instant.parse(t.getKey()), t.getValue().asInt()));
        return new Requests(node.path("total").asLong(), node.path("rateLimitedAnswers").asLong(), routes, minutes,
                tens);
    }

    /** The simulator's most recent requests (at most 10,000), one line each: arrival time, method, path, query. */
    java.util.List<String> recent() {
        ConnectRest.Answer a = http.get("/_sim/requests/recent");
        expectOk(a, "recent requests");
        java.util.List<String> lines = new java.util.ArrayList<>();
        ConnectRest.parse(a.body()).path("requests").forEach(r -> lines.add(r.asText()));
        return lines;
    }

    private static void expectOk(ConnectRest.Answer a, String what) {
        if (a.status() != 200) {
            throw new IllegalStateException("simulator admin " + what + ": HTTP " + a.status() + " " + a.body());
        }
    }
}
