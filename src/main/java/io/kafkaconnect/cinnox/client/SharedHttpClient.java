package io.kafkaconnect.cinnox.client;

import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one OkHttp client of the process. Per-settings clients are derived with {@code newBuilder()}, so
 * they share its connection pool and dispatcher. Configured so that one logical request is exactly one
 * HTTP request: no connection-failure retries, no redirects, no automatic 503 follow-ups.
 */
final class SharedHttpClient {

    /**
     * How long an idle connection stays in the pool: shorter than the idle timeouts servers commonly use (30 s in
     * the JDK's HTTP server, the simulator's; 60 s at many load balancers), so a request is rarely sent on a
     * connection the server has just closed. Such a request fails at once ("unexpected end of stream"), and since
     * the client never repeats a request by itself, it costs a permit of the rate budget and a backoff of its
     * unit: 15 of about 3,200 requests in a benchmark run with OkHttp's default of 5 minutes.
     */
    static final Duration IDLE_KEEP_ALIVE = Duration.ofSeconds(25);
    /** Idle connections kept: a worker's tasks keep up to max.in.flight.requests each in flight. */
    static final int IDLE_CONNECTIONS = 16;

    private static final OkHttpClient ROOT = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, IDLE_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addNetworkInterceptor(SharedHttpClient::preventServiceUnavailableFollowUp)
            .build();

    private SharedHttpClient() {
    }

    /** A client with the timeouts of these settings on the shared pool and dispatcher. TLS stays default. */
    static OkHttpClient forSettings(ClientSettings settings) {
        return ROOT.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
    }

    static OkHttpClient root() {
        return ROOT;
    }

    /**
     * OkHttp repeats a request by itself after "503 + Retry-After: 0". The caller owns retries and counts
     * requests against the rate budget, so the header is moved aside where OkHttp does not look.
     */
    private static Response preventServiceUnavailableFollowUp(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header(HttpExchange.RETRY_AFTER);
        if (response.code() != 503 || retryAfter == null) {
            return response;
        }
        return response.newBuilder()
                .removeHeader(HttpExchange.RETRY_AFTER)
                .header(HttpExchange.MOVED_RETRY_AFTER, retryAfter)
                .build();
    }
}
