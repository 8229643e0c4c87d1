package io.kafkaconnect.cinnox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EnquiryEventReceiverTest {

    static final String SECRET = "s3cret-s3cret-s3cret-s3cret";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);
    private static final String EVENT;

    static {
        try {
            EVENT = Files.readString(Path.of("src/test/resources/examples/webhook-enquiry-event.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EnquiryEventReceiver receiver;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static WebhookSettings settings(int port, int buffer, Duration ackTimeout) {
        return new WebhookSettings(true, false, "127.0.0.1", port, "/cinnox/enquiry-events",
                URI.create("https://hooks.example.org/cinnox"), new Password(SECRET), "cinnox.enquiry-events", buffer,
                ackTimeout, 4_096, Duration.ofMinutes(10), null, null, "PKCS12");
    }

    private void start(int buffer, Duration ackTimeout) throws IOException {
        receiver = EnquiryEventReceiver.start(settings(freePort(), buffer, ackTimeout), CLOCK);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private String hook() {
        return url("/cinnox/enquiry-events/" + SECRET);
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(hook())).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Plays the task: takes events and reports them written, as commitRecord does. */
    private Thread ackingTask(List<EnquiryEvent> seen) {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (PendingEvent p : receiver.buffer().take(100, Duration.ofMillis(100))) {
                        seen.add(p.event());
                        p.markWritten();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void challengeIsEchoed() throws Exception {
        start(10, Duration.ofSeconds(2));
        HttpResponse<String> r = post(hook(), "{\"challenge\":\"abc-123\"}");
        assertEquals(200, r.statusCode());
        JsonNode body = MAPPER.readTree(r.body());
        assertEquals(0, body.path("code").intValue());
        assertEquals("abc-123", body.path("result").path("challenge").asText());
        assertEquals(1, receiver.stats().challengeCount());
    }

    @Test
    void eventIsAnsweredOnlyAfterItWasWritten() throws Exception {
        start(10, Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> answer = postAsync(EVENT);
        List<PendingEvent> taken = receiver.buffer().take(10, Duration.ofSeconds(5));
        assertEquals(1, taken.size());
        Thread.sleep(100);
        assertTrue(!answer.isDone(), "no answer before Kafka has the record");
        EnquiryEvent event = taken.get(0).event();
        assertEquals("6549c1f2a7e14b0012d3e8a1", event.eid());
        assertEquals("Closed", event.status());
        assertEquals(Instant.parse("2023-11-07T01:27:56.019Z"), event.date());
        assertNull(event.unknownFields());
        taken.get(0).markWritten();
        assertEquals(200, answer.get().statusCode());
        assertEquals(0, MAPPER.readTree(answer.get().body()).path("code").intValue());
        assertEquals(1, receiver.stats().acceptedCount());
        assertEquals(0, receiver.buffer().size());
    }

    @Test
    void unconfirmedEventGets503() throws Exception {
        start(10, Duration.ofMillis(200));
        HttpResponse<String> r = post(hook(), EVENT);
        assertEquals(503, r.statusCode());
        assertEquals(1, receiver.stats().notWrittenCount());
    }

    @Test
    void fullBufferGets503() throws Exception {
        start(1, Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> first = postAsync(EVENT);
        List<PendingEvent> taken = receiver.buffer().take(1, Duration.ofSeconds(5));
        HttpResponse<String> second = post(hook(), EVENT);
        assertEquals(503, second.statusCode());
        assertEquals("1", second.headers().firstValue("Retry-After").orElse(""));
        assertEquals(1, receiver.stats().bufferFullCount());
        taken.get(0).markWritten();
        assertEquals(200, first.get().statusCode());
    }

    @Test
    void requestsWithoutTheSecretAreNotFound() throws Exception {
        start(10, Duration.ofSeconds(2));
        for (String path : List.of("/cinnox/enquiry-events", "/cinnox/enquiry-events/", "/cinnox/enquiry-events/guess",
                "/cinnox/enquiry-events/" + SECRET + "x", "/", "/other/" + SECRET)) {
            HttpResponse<String> r = post(url(path), EVENT);
            assertEquals(404, r.statusCode(), path);
        }
        assertEquals(6, receiver.stats().unauthorizedCount());
        assertEquals(0, receiver.buffer().size());
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        start(10, Duration.ofSeconds(2));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(hook())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));

        assertEquals(413, post(hook(), "{\"eid\":\"" + "x".repeat(5_000) + "\",\"status\":\"Opened\"}").statusCode());
        HttpResponse<String> malformed = post(hook(), "{\"eid\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());
        assertEquals(400, post(hook(), "[1,2]").statusCode());
        HttpResponse<String> noId = post(hook(), "{\"status\":\"Opened\"}");
        assertEquals(400, noId.statusCode());
        assertTrue(noId.body().contains("eid"), noId.body());
        assertEquals(1, receiver.stats().badMethodCount());
        assertEquals(1, receiver.stats().tooLargeCount());
        assertEquals(3, receiver.stats().badBodyCount());
        assertEquals(0, receiver.buffer().size());
    }

    @Test
    void unknownFieldsAndTheWrappedFormAreAccepted() throws Exception {
        start(10, Duration.ofSeconds(5));
        List<EnquiryEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread task = ackingTask(seen);
        try {
            assertEquals(200, post(hook(), "{\"eid\":\"e1\",\"status\":\"Opened\",\"priority\":3,\"date\":\"soon\"}")
                    .statusCode());
            assertEquals(200, post(hook(), "{\"type\":\"message\",\"message\":{\"eid\":\"e2\",\"status\":\"Missed\"}}")
                    .statusCode());
        } finally {
            task.interrupt();
        }
        assertEquals("{\"priority\":3}", seen.get(0).unknownFields());
        assertNull(seen.get(0).date());
        assertEquals("soon", seen.get(0).rawValues().get("date"));
        assertEquals("e2", seen.get(1).eid());
        assertEquals("Missed", seen.get(1).status());
    }

    @Test
    void stoppingAnswersWaitingSenders503() throws Exception {
        start(10, Duration.ofSeconds(10));
        CompletableFuture<HttpResponse<String>> answer = postAsync(EVENT);
        receiver.buffer().take(1, Duration.ofSeconds(5));
        receiver.buffer().close();
        assertEquals(503, answer.get().statusCode());
    }
}
