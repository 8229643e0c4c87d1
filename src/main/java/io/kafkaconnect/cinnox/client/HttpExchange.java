package io.kafkaconnect.cinnox.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Map;

/**
 * Performs exactly one HTTP request per call and turns the response into a read body or a
 * {@link CinnoxApiException}. OkHttp types stay inside this class and {@link CinnoxClient}.
 */
final class HttpExchange {

    static final String RETRY_AFTER = "Retry-After";
    /** Where {@link SharedHttpClient} moves Retry-After of a 503 so OkHttp does not repeat the request. */
    static final String MOVED_RETRY_AFTER = "X-Cinnox-Client-Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    private static final MediaType JSON = MediaType.get("application/json");

    /** Reads a response body; JSON problems surface as {@link JsonProcessingException}. */
    @FunctionalInterface
    interface BodyParser<P> {
        ResponseBody<P> parse(InputStream in) throws IOException;
    }

    /** A successful exchange: the payload (may be null), or the 6451011 "No records found" outcome. */
    record Result<P>(P payload, boolean noRecords) {
    }

    private final OkHttpClient http;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final String authorization;
    private final ResponseClassifier classifier;
    private final EnvelopeReader envelopes;

    HttpExchange(OkHttpClient http, AppToken token, ResponseClassifier classifier, EnvelopeReader envelopes) {
        this.http = http;
        this.authorization = "Bearer " + token.value();
        this.classifier = classifier;
        this.envelopes = envelopes;
    }

    <P> Result<P> get(ApiEndpoint endpoint, HttpUrl url, BodyParser<P> parser) {
        return execute(endpoint, request(url).get().build(), parser);
    }

    <P> Result<P> patchJson(ApiEndpoint endpoint, HttpUrl url, Map<String, ?> body, BodyParser<P> parser) {
        byte[] json;
        try {
            json = envelopes.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
        return execute(endpoint, request(url).patch(RequestBody.create(json, JSON)).build(), parser);
    }

    private Request.Builder request(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .header("accept", "application/json");
    }

    /** Cancels the requests in flight and every later one: they end at once as retriable failures. */
    void close() {
        closed = true;
        inFlight.forEach(Call::cancel);
    }

    /** What went wrong, in words for a user (validate answers, task traces); the exception stays the cause. */
    static String failure(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "SSL/TLS failure";
        }
        return "I/O failure";
    }

    private <P> Result<P> execute(ApiEndpoint endpoint, Request request, BodyParser<P> parser) {
        long started = System.nanoTime();
        Call call = http.newCall(request);
        inFlight.add(call);
        try {
            if (closed) {
                call.cancel();
            }
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                throw classifier.noResponse(endpoint, failure(e), e);
            }
            try (response) {
                Result<P> result = interpret(endpoint, response, parser);
                LOG.debug("{}: HTTP {} in {} ms", endpoint.label(), response.code(),
                        (System.nanoTime() - started) / 1_000_000);
                return result;
            }
        } finally {
            inFlight.remove(call);
        }
    }

    private <P> Result<P> interpret(ApiEndpoint endpoint, Response response, BodyParser<P> parser) {
        int status = response.code();
        ResponseBody<P> body = null;
        String malformed = null;
        try (InputStream in = response.body().byteStream()) {
            body = parser.parse(in);
        } catch (UnreadableEnvelope e) {
            malformed = "unreadable body: " + e.getOriginalMessage();
        } catch (JsonProcessingException | CharConversionException e) {
            // The parser message may quote body text (a recording URL); keep it out of exceptions and logs above TRACE.
            malformed = "malformed or truncated body (" + e.getClass().getSimpleName() + ")";
            LOG.trace("{}: unreadable body", endpoint.label(), e);
        } catch (InterruptedIOException e) {
            throw classifier.brokenBody(endpoint, status, "timed out reading the body", e);
        } catch (IOException e) {
            throw classifier.brokenBody(endpoint, status, "body broke off (" + e.getClass().getSimpleName() + ")", e);
        }
        String retryAfter = response.header(RETRY_AFTER, response.header(MOVED_RETRY_AFTER));
        ResponseClassifier.Outcome outcome = classifier.classify(endpoint, status, body, retryAfter, malformed);
        return outcome == ResponseClassifier.Outcome.NO_RECORDS
                ? new Result<>(null, true)
                : new Result<>(body.payload(), false);
    }
}
