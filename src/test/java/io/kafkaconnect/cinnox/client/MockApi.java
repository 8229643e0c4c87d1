package io.kafkaconnect.cinnox.client;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** A MockWebServer on 127.0.0.1 plus a client pointed at it, for the client tests. */
final class MockApi implements AutoCloseable {

    static final String TOKEN = "s3cr3t-token";
    static final String APP_ID = "app-acme";
    static final Instant NOW = Instant.parse("2023-11-07T10:15:30.250Z");

    final MockWebServer server = new MockWebServer();

    MockApi() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ClientSettings.Builder settings() {
        return ClientSettings.builder()
                .baseUrl(server.url("/").toString())
                .appId(APP_ID)
                .appToken(new AppToken(TOKEN))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    CinnoxClient client() {
        return new CinnoxClient(settings().build());
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String example(String name) {
        try (InputStream in = MockApi.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
