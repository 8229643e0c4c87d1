package io.kafkaconnect.cinnox.client;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes seeded, generated response bodies through the client's parsing path for every endpoint type:
 * only {@link CinnoxApiException}s may come out, and records only from a body that holds them (see
 * {@link FuzzOracle}). Most cases run in memory through the real OkHttp call path; a few hundred go
 * over loopback HTTP with broken sockets and content encodings.
 */
class ResponseFuzzTest {

    private static final long SEED = 20_261_130L;
    /** 1,000 bodies per endpoint type. */
    private static final int IN_MEMORY_CASES = 1_000 * FuzzCheck.TARGETS.size();
    private static final int LOOPBACK_CASES = 16 * FuzzCheck.TARGETS.size();
    /** The default thread stack of a 64-bit Linux JVM, which Connect task threads get. */
    private static final long WORKER_STACK = 1024 * 1024;

    @Test
    void inMemoryBodiesGiveOnlyTypedErrorsAndNoMadeUpRecords() throws Exception {
        FuzzBodies bodies = new FuzzBodies(SEED);
        FuzzCheck check = new FuzzCheck();
        AtomicReference<FuzzBodies.Body> current = new AtomicReference<>();
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(chain -> respond(chain.request(), current.get()))
                .build();
        CinnoxClient client = new CinnoxClient(settings("http://127.0.0.1:9/"), http);
        Set<FuzzBodies.Kind> kinds = EnumSet.noneOf(FuzzBodies.Kind.class);
        onWorkerStack(() -> {
            for (int i = 0; i < IN_MEMORY_CASES; i++) {
                FuzzCheck.Target target = FuzzCheck.TARGETS.get(i % FuzzCheck.TARGETS.size());
                FuzzBodies.Body body = bodies.next(target.model(), target.shape() == FuzzOracle.Shape.LIST);
                kinds.add(body.kind());
                current.set(body);
                check.check("#" + i + " " + target.endpoint().label(), target, FuzzCheck.limitFor(i), body, client, false);
            }
        });
        assertClean(check, IN_MEMORY_CASES);
        assertEquals(EnumSet.allOf(FuzzBodies.Kind.class), kinds, "every kind of body was generated");
        assertTrue(check.count("returned RECORDS") > IN_MEMORY_CASES / 10, "enough bodies with records: " + check.tally());
        assertTrue(check.count("returned NO_RECORDS") > IN_MEMORY_CASES / 50, "enough 6451011 answers: " + check.tally());
        assertTrue(check.count("UnexpectedAnswerException") > IN_MEMORY_CASES / 20, "enough unknown shapes: " + check.tally());
        assertTrue(check.count("returned OBJECT", "returned ECHO") > 100, "enough object answers: " + check.tally());
    }

    @Test
    void loopbackBodiesGiveOnlyTypedErrorsAndNoMadeUpRecords() throws Exception {
        FuzzBodies bodies = new FuzzBodies(SEED + 1);
        Random effects = new Random(SEED + 2);
        FuzzCheck check = new FuzzCheck();
        try (MockApi api = new MockApi()) {
            CinnoxClient client = api.client();
            onWorkerStack(() -> {
                for (int i = 0; i < LOOPBACK_CASES; i++) {
                    FuzzCheck.Target target = FuzzCheck.TARGETS.get(i % FuzzCheck.TARGETS.size());
                    FuzzBodies.Body generated = bodies.next(target.model(), target.shape() == FuzzOracle.Shape.LIST);
                    // A lone 1xx is not a final answer over real HTTP: the client would wait for one.
                    FuzzBodies.Body body = generated.status() < 200 ? new FuzzBodies.Body(generated.kind(),
                            generated.status() + 100, generated.bytes(), generated.retryAfter()) : generated;
                    int effect = effects.nextInt(10);
                    api.enqueue(response(body, effect));
                    check.check("loopback #" + i + " " + target.endpoint().label(), target, FuzzCheck.limitFor(i),
                            body, client, effect < 2);
                }
            });
        }
        assertClean(check, LOOPBACK_CASES);
        assertTrue(check.count("returned RECORDS") > LOOPBACK_CASES / 10, "enough bodies with records: " + check.tally());
    }

    /** 0: the socket closes instead of the body; 1: a body labelled gzip that is not; 2: a real gzip body. */
    private static MockResponse response(FuzzBodies.Body body, int effect) {
        MockResponse.Builder response = new MockResponse.Builder().code(body.status())
                .addHeader("Content-Type", "application/json");
        Buffer bytes = new Buffer().write(body.bytes());
        if (effect == 0) {
            response.onResponseBody(new SocketEffect.CloseSocket());
        } else if (effect == 1) {
            response.addHeader("Content-Encoding", "gzip");
        } else if (effect == 2) {
            response.addHeader("Content-Encoding", "gzip");
            bytes = gzip(body.bytes());
        }
        if (body.retryAfter() != null) {
            response.addHeader("Retry-After", body.retryAfter());
        }
        return response.body(bytes).build();
    }

    private static Buffer gzip(byte[] plain) {
        Buffer zipped = new Buffer();
        try (var sink = Okio.buffer(new GzipSink(zipped))) {
            sink.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped;
    }

    private static Response respond(Request request, FuzzBodies.Body body) {
        Response.Builder response = new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(body.status())
                .message("fuzz")
                .body(okhttp3.ResponseBody.create(body.bytes(), MediaType.get("application/json")));
        if (body.retryAfter() != null) {
            response.header("Retry-After", body.retryAfter());
        }
        return response.build();
    }

    private static ClientSettings settings(String baseUrl) {
        return ClientSettings.builder()
                .baseUrl(baseUrl)
                .appId(MockApi.APP_ID)
                .appToken(new AppToken(MockApi.TOKEN))
                .clock(Clock.fixed(MockApi.NOW, ZoneOffset.UTC))
                .build();
    }

    private static void assertClean(FuzzCheck check, int expectedCases) {
        System.out.printf("fuzz: %d cases, %d failures, outcomes %s%n", check.cases(), check.failureCount(), check.tally());
        assertEquals(expectedCases, check.cases());
        assertEquals(0, check.failureCount(), () -> check.failureCount() + " failures, first ones:\n  "
                + String.join("\n  ", check.failures()) + "\noutcomes: " + check.tally());
    }

    /** Runs on a thread with a worker's stack, so that deep bodies are judged as a task would meet them. */
    private static void onWorkerStack(Runnable work) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fuzz", WORKER_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("fuzz loop failed", failure.get());
        }
    }
}
