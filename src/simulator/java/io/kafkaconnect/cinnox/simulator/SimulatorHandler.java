package io.kafkaconnect.cinnox.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request pipeline of the simulator: log, attribute to a service account, authenticate, rate-limit, inject faults,
 * route, validate and answer. The order of checks follows SPEC 8.3.
 */
final class SimulatorHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SimulatorHandler.class.getName());

    private record Answer(int status, byte[] body) {
    }

    private final SimClock clock;
    private final Apps apps;
    private final Behaviour behaviour;
    private final Faults faults;
    private final RequestLog log;
    private final RateLimiter limiter;
    private final QueryValidator validator;
    private final ReportService service;
    private final Subscriptions subscriptions;
    private final ResponseWriter writer;

    SimulatorHandler(SimClock clock, Apps apps, Behaviour behaviour, Traps traps, Faults faults, RequestLog log,
                     RateLimiter limiter, ReportService service, Subscriptions subscriptions) {
        this.clock = clock;
        this.apps = apps;
        this.behaviour = behaviour;
        this.faults = faults;
        this.log = log;
        this.limiter = limiter;
        this.validator = new QueryValidator(behaviour, traps);
        this.service = service;
        this.subscriptions = subscriptions;
        this.writer = new ResponseWriter(behaviour, traps);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            handleRequest(exchange);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "simulator failed on " + exchange.getRequestURI(), e);
            writer.send(exchange, 500, ResponseWriter.errorBody(6451001, "Bad response from the service"));
        } finally {
            exchange.close();
        }
    }

    private void handleRequest(HttpExchange exchange) throws IOException {
        Instant now = clock.now();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = QueryValidator.decode(rawQuery);
        byte[] body = readBody(exchange.getRequestBody());
        Optional<Route> route = Route.parse(path);
        log.record(new RecordedRequest(method, path, rawQuery, Collections.unmodifiableMap(query),
                        headers(exchange.getRequestHeaders()), now),
                route.map(Route::endpointName).orElse(null));
        log.started();
        try {
            pause(faults.latency());
        } finally {
            log.ended();
        }
        Optional<Fault> fault = Optional.empty();
        Answer answer;
        try {
            Route r = route.orElseThrow(() -> methodNotFound(method, path));
            String account = admit(r, bearer(exchange), now);
            fault = faults.take();
            if (fault.isPresent() && immediate(exchange, fault.get(), now)) {
                return;
            }
            answer = new Answer(200, writer.successBody(dispatch(r, method, path, account, query, body, now),
                    r.endpointName()));
            log.answered(0);
        } catch (ApiException e) {
            log.answered(e.code());
            answer = new Answer(e.httpStatus(), ResponseWriter.errorBody(e.code(), e.getMessage()));
            if (e.code() == 6451010) {
                retryAfter(exchange, now);
            }
        }
        if (fault.filter(f -> f == Fault.TRUNCATED_BODY).isPresent()) {
            writer.sendTruncated(exchange, answer.body());
        } else if (fault.filter(f -> f == Fault.MALFORMED_BODY).isPresent()) {
            writer.sendMalformed(exchange);
        } else {
            writer.send(exchange, answer.status(), answer.body());
        }
    }

    /** Attributes the request to a service account, counts it, authenticates it and applies the rate limit. */
    private String admit(Route route, String token, Instant now) {
        Optional<SimAccount> app = apps.byAppId(route.appId());
        Optional<SimAccount> tokenApp = apps.byToken(token);
        Optional<String> account = app.or(() -> tokenApp).map(SimAccount::serviceAccountId);
        boolean withinBudget = true;
        if (account.isPresent()) {
            log.countForAccount(account.get(), now);
            withinBudget = limiter.admit(account.get(), now);
        }
        if (tokenApp.isEmpty() || faults.revoked(token, now)) {
            throw new ApiException(6452000, "Invalid token", behaviour.authFailureStatus());
        }
        if (app.isEmpty() || !app.get().equals(tokenApp.get())) {
            throw new ApiException(6452001, "Invalid appID", behaviour.authFailureStatus());
        }
        if (!withinBudget || faults.storming(now)) {
            throw rateLimited();
        }
        return account.get();
    }

    private ApiException rateLimited() {
        return new ApiException(6451010, "Too many requests", behaviour.rateLimitStatus());
    }

    /** Answers the faults that replace the whole response; returns false for body faults applied later. */
    private boolean immediate(HttpExchange exchange, Fault fault, Instant now) throws IOException {
        switch (fault) {
            case SERVICE_ERROR -> {
                log.answered(6451001);
                writer.send(exchange, 502, ResponseWriter.errorBody(6451001, "Bad response from the service"));
            }
            case HTTP_500 -> writer.sendHtml500(exchange);
            case RATE_LIMITED -> {
                log.answered(6451010);
                retryAfter(exchange, now);
                writer.send(exchange, behaviour.rateLimitStatus(), ResponseWriter.errorBody(6451010, "Too many requests"));
            }
            case CONNECTION_DROP -> {
                // Closing an exchange before sendResponseHeaders makes the JDK server close the socket: no status line.
                exchange.close();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Payload dispatch(Route route, String method, String path, String account, Map<String, String> query,
                             byte[] body, Instant now) {
        if (route.isSubscription() && method.equals("PATCH")) {
            return Payload.object(subscriptions.patch(route.appId(), body, now));
        }
        if (!route.isData() || !method.equals("GET")) {
            throw methodNotFound(method, path);
        }
        Endpoint endpoint = Endpoint.byPathName(route.endpointName())
                .orElseThrow(() -> ApiException.badQuery("Unknown data type"));
        Payload payload = service.serve(account, validator.validate(endpoint, query), now);
        if (payload.isEmptyList() && behaviour.noRecords() != NoRecordsStyle.EMPTY_ARRAY) {
            throw new ApiException(6451011, "No records found",
                    behaviour.noRecords() == NoRecordsStyle.HTTP_404_CODE ? 404 : 200);
        }
        return payload;
    }

    private static ApiException methodNotFound(String method, String path) {
        return new ApiException(6450001, "method not found, method: " + method + " url: " + path, 404);
    }

    private void retryAfter(HttpExchange exchange, Instant now) {
        if (behaviour.retryAfterHeader()) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RateLimiter.secondsToNextWindow(now)));
        }
    }

    private static String bearer(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Authorization");
        return value != null && value.startsWith("Bearer ") ? value.substring(7).trim() : null;
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), String.join(",", e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(1 << 20);
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
