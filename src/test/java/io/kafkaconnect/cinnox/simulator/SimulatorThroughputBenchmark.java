package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many records per second the simulator serves on loopback with 500-record pages; not a test.
 * Run after {@code mvn -B -q package -DskipTests && mvn -B -q test-compile}:
 * {@code java -cp target/cinnox-simulator.jar:target/test-classes io.kafkaconnect.cinnox.simulator.SimulatorThroughputBenchmark [seconds] [clients] [endpoint]}
 */
public final class SimulatorThroughputBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final int PAGE = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private SimulatorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String endpoint = args.length > 2 ? args[2] : "enquiry-detail";
        SimulatorSettings settings = SimulatorSettings.builder().seed(42).historyDays(10).volume(Volume.perDay(5_000))
                .fixedClock(NOW).rateLimitPerMinute(Integer.MAX_VALUE).build();
        try (CinnoxSimulator sim = CinnoxSimulator.start(settings)) {
            run(sim, endpoint, 1, 3);
            AtomicLong[] result = run(sim, endpoint, clients, seconds);
            double rate = result[0].get() / (double) seconds;
            System.out.printf("%s: %d records in %d pages over %d s with %d clients -> %.0f records/s (%.1f MB/s)%n",
                    endpoint, result[0].get(), result[1].get(), seconds, clients, rate,
                    result[2].get() / 1e6 / seconds);
        }
    }

    /** Runs {@code clients} loops of page requests for {@code seconds}; returns records, pages and bytes. */
    private static AtomicLong[] run(CinnoxSimulator sim, String endpoint, int clients, int seconds) throws Exception {
        AtomicLong records = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                fetchUntil(sim, endpoint, client, deadline, records, pages, bytes);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new AtomicLong[] {records, pages, bytes};
    }

    /** Number of elements of the {@code result} array, counted with a streaming parser. */
    private static int countRecords(byte[] body) throws IOException {
        int count = 0;
        try (JsonParser p = JSON.createParser(body)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 3 && t == JsonToken.START_OBJECT) {
                        count++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        return count;
    }

    private static void fetchUntil(CinnoxSimulator sim, String endpoint, int client, long deadline, AtomicLong records,
                                   AtomicLong pages, AtomicLong bytes) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SimAccount a = sim.defaultAccount();
        int perDayPages = 5_000 / PAGE;
        for (long i = client; System.nanoTime() < deadline; i++) {
            Instant dayStart = NOW.minus(Duration.ofDays(1 + (i / perDayPages) % 9));
            String url = sim.baseUrl() + "/v1/api/apps/" + a.appId() + "/data/" + endpoint + "?startAt="
                    + Timestamps.format(dayStart) + "&endAt=" + Timestamps.format(dayStart.plus(Duration.ofDays(1)))
                    + "&offset=" + (i % perDayPages) * PAGE + "&limit=" + PAGE;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + a.token())
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            records.addAndGet(countRecords(response.body()));
            pages.incrementAndGet();
            bytes.addAndGet(response.body().length);
        }
    }
}
