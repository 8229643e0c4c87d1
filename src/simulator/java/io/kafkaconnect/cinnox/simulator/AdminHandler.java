package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code /_sim/} routes a separate process (a reliability or benchmark harness) uses to steer a running simulator:
 * set faults and paging switches, revoke or restore the App Token, read the request counts. Served only when the simulator is started
 * with {@code --admin}; no authentication, the server binds 127.0.0.1 only.
 */
final class AdminHandler implements HttpHandler {

    static final String PREFIX = "/_sim/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Faults faults;
    private final Behaviour behaviour;
    private final Traps traps;
    private final RequestLog log;
    private final Apps apps;
    private final SimAccount defaultApp;

    AdminHandler(Faults faults, Behaviour behaviour, Traps traps, RequestLog log, Apps apps, SimAccount defaultApp) {
        this.faults = faults;
        this.behaviour = behaviour;
        this.traps = traps;
        this.log = log;
        this.apps = apps;
        this.defaultApp = defaultApp;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Map<String, String> query = QueryValidator.decode(exchange.getRequestURI().getRawQuery());
            exchange.getRequestBody().readAllBytes();
            try {
                ObjectNode answer = switch (route) {
                    case "POST /_sim/faults" -> setFaults(query);
                    case "GET /_sim/faults" -> faultsNode();
                    case "POST /_sim/token" -> token(query);
                    case "GET /_sim/requests" -> requests();
                    case "GET /_sim/requests/recent" -> recent();
                    case "POST /_sim/requests/reset" -> resetRequests();
                    case "POST /_sim/behaviour" -> setBehaviour(query);
                    case "POST /_sim/behaviour/reset" -> resetBehaviour();
                    default -> throw new AdminError(404, "no admin route " + route);
                };
                send(exchange, 200, answer);
            } catch (AdminError e) {
                send(exchange, e.status, MAPPER.createObjectNode().put("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, MAPPER.createObjectNode().put("error", e.getMessage()));
            }
        }
    }

    /** Applies latency-ms, error-rate, malformed-rate, reset-rate and rate-limit-storm=on|off; absent ones stay. */
    private ObjectNode setFaults(Map<String, String> query) {
        FaultRates rates = faults.rates();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String v = e.getValue();
            rates = switch (e.getKey()) {
                case "latency-ms" -> rates.withLatencyMs(FaultRates.parseLong(e.getKey(), v));
                case "error-rate" -> rates.withErrorRate(FaultRates.parseRate(e.getKey(), v));
                case "malformed-rate" -> rates.withMalformedRate(FaultRates.parseRate(e.getKey(), v));
                case "reset-rate" -> rates.withResetRate(FaultRates.parseRate(e.getKey(), v));
                case "rate-limit-storm" -> rates;
                default -> throw new IllegalArgumentException("unknown fault parameter " + e.getKey());
            };
        }
        String storm = query.get("rate-limit-storm");
        if (storm != null && !storm.equals("on") && !storm.equals("off")) {
            throw new IllegalArgumentException("rate-limit-storm must be on or off");
        }
        faults.rates(rates);
        if (storm != null) {
            faults.rateLimitStorm(storm.equals("on"));
        }
        return faultsNode();
    }

    private ObjectNode faultsNode() {
        FaultRates r = faults.rates();
        return MAPPER.createObjectNode().put("latencyMs", r.latencyMs()).put("errorRate", r.errorRate())
                .put("malformedRate", r.malformedRate()).put("resetRate", r.resetRate())
                .put("rateLimitStorm", faults.storming());
    }

    /** {@code state=revoked|valid}, for the App named by {@code appId} or the default App. */
    private ObjectNode token(Map<String, String> query) {
        String appId = query.getOrDefault("appId", defaultApp.appId());
        SimAccount app = apps.byAppId(appId).orElseThrow(() -> new AdminError(404, "unknown appId " + appId));
        String state = query.get("state");
        if ("revoked".equals(state)) {
            faults.revokeToken(app.token());
        } else if ("valid".equals(state)) {
            faults.restoreToken(app.token());
        } else {
            throw new IllegalArgumentException("state must be revoked or valid");
        }
        return MAPPER.createObjectNode().put("appId", appId).put("state", state);
    }

    private ObjectNode requests() {
        ObjectNode out = MAPPER.createObjectNode().put("total", log.total())
                .put("rateLimitedAnswers", log.answers(6451010));
        ObjectNode perRoute = out.putObject("perRoute");
        log.perEndpoint().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> perRoute.put(e.getKey(), e.getValue()));
        ObjectNode accounts = out.putObject("perAccountMinute");
        ObjectNode max = out.putObject("maxPerMinute");
        for (String account : log.accounts()) {
            ObjectNode minutes = accounts.putObject(account);
            SortedMap<Instant, Integer> counts = log.perMinute(account);
            counts.forEach((minute, n) -> minutes.put(Timestamps.format(minute), n));
            max.put(account, log.maxPerMinute(account));
        }
        ObjectNode tens = out.putObject("perTenSeconds");
        log.perTenSeconds().forEach((start, n) -> tens.put(Timestamps.format(start), n));
        return out;
    }

    /**
     * The most recent requests (at most 10,000), oldest first, each as its arrival time, method, path and query: what a
     * benchmark keeps beside its figures, to see which request a task waited for.
     */
    private ObjectNode recent() {
        ObjectNode out = MAPPER.createObjectNode();
        var list = out.putArray("requests");
        log.all().forEach(r -> list.add(Timestamps.format(r.at()) + " " + r.method() + " " + r.path()
                + (r.rawQuery() == null ? "" : "?" + r.rawQuery())));
        return out;
    }

    /** Paging and answer switches, as {@link BehaviourParameters} reads them; the answer echoes what was set. */
    private ObjectNode setBehaviour(Map<String, String> query) {
        BehaviourParameters.apply(behaviour, traps, query);
        ObjectNode out = MAPPER.createObjectNode();
        query.forEach(out::put);
        return out;
    }

    private ObjectNode resetBehaviour() {
        behaviour.reset();
        traps.reset();
        return MAPPER.createObjectNode().put("reset", true);
    }

    private ObjectNode resetRequests() {
        log.reset();
        return MAPPER.createObjectNode().put("total", 0);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class AdminError extends RuntimeException {
        private final int status;

        AdminError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
