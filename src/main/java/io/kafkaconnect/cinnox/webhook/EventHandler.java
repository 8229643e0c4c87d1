package io.kafkaconnect.cinnox.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request to the receiver: 404 without the secret, 405 for other methods than POST, 413 for
 * a body over the limit, 400 for a body that is no challenge or event, the challenge echo, and for an
 * event 200 only once Kafka has its record, 503 when the buffer is full or Kafka did not confirm in time.
 */
final class EventHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(EventHandler.class);

    private final byte[] expectedPath;
    private final int maxBodyBytes;
    private final Duration ackTimeout;
    private final EventBuffer buffer;
    private final ReceiverStats stats;
    private final Clock clock;

    private record Answer(int status, byte[] body) {
    }

    EventHandler(WebhookSettings settings, EventBuffer buffer, ReceiverStats stats, Clock clock) {
        this.expectedPath = (settings.path().replaceAll("/+$", "") + "/" + settings.secret().value())
                .getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = settings.maxBodyBytes();
        this.ackTimeout = settings.ackTimeout();
        this.buffer = buffer;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Answer answer = answer(exchange);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Enquiry event request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] path = exchange.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(path, expectedPath)) {
            stats.unauthorized();
            return new Answer(404, WebhookBody.error(404, "Not found"));
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            stats.badMethod();
            exchange.getResponseHeaders().set("Allow", "POST");
            return new Answer(405, WebhookBody.error(405, "Only POST is accepted"));
        }
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            stats.tooLarge();
            exchange.getResponseHeaders().set("Connection", "close");
            return new Answer(413, WebhookBody.error(413, "The body is larger than " + maxBodyBytes + " bytes"));
        }
        WebhookBody parsed;
        try {
            parsed = WebhookBody.parse(body.get(), clock.instant());
        } catch (WebhookBody.BadBodyException e) {
            stats.badBody();
            return new Answer(400, WebhookBody.error(400, e.getMessage()));
        }
        if (parsed instanceof WebhookBody.Challenge challenge) {
            stats.challenge();
            log.info("Answered CINNOX's URL verification challenge");
            return new Answer(200, WebhookBody.challengeAnswer(challenge.challenge()));
        }
        return handOver(exchange, ((WebhookBody.Event) parsed).event());
    }

    private Answer handOver(HttpExchange exchange, EnquiryEvent event) throws InterruptedException {
        Optional<PendingEvent> pending = buffer.offer(event);
        if (pending.isEmpty()) {
            stats.bufferFull();
            exchange.getResponseHeaders().set("Retry-After", "1");
            return new Answer(503, WebhookBody.error(503, "The receiver's buffer is full; try again later"));
        }
        try {
            pending.get().written().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            stats.accepted();
            return new Answer(200, WebhookBody.accepted());
        } catch (TimeoutException | ExecutionException e) {
            stats.notWritten();
            log.warn("Enquiry event of {} not confirmed by Kafka within {}; answered 503 ({})", event.eid(),
                    ackTimeout, e instanceof TimeoutException ? "timeout" : e.getCause().getMessage());
            return new Answer(503, WebhookBody.error(503, "The event could not be stored; try again later"));
        }
    }

    /** The body, or empty when it is longer than the limit. */
    private Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // The body is read and measured below instead.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            return bytes.length > maxBodyBytes ? Optional.empty() : Optional.of(bytes);
        }
    }
}
