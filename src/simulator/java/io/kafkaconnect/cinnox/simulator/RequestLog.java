package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every request the simulator received, including rejected ones: totals, per-endpoint counts, per service account
 * and sim-clock minute counts, and the most recent 10,000 requests.
 */
public final class RequestLog {

    private static final int KEPT = 10_000;

    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final Map<String, Integer> perEndpoint = new HashMap<>();
    private final Map<String, SortedMap<Instant, Integer>> perAccountMinute = new HashMap<>();
    private final SortedMap<Instant, Integer> perTenSeconds = new TreeMap<>();
    private final Map<Integer, Long> answerCodes = new HashMap<>();
    private long total;
    private int inFlight;
    private int maxInFlight;

    synchronized void record(RecordedRequest request, String endpoint) {
        total++;
        if (endpoint != null) {
            perEndpoint.merge(endpoint, 1, Integer::sum);
        }
        recent.addLast(request);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    synchronized void countForAccount(String serviceAccountId, Instant at) {
        perAccountMinute.computeIfAbsent(serviceAccountId, k -> new TreeMap<>())
                .merge(at.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum);
        perTenSeconds.merge(Instant.ofEpochSecond(at.getEpochSecond() / 10 * 10), 1, Integer::sum);
    }

    /** A request arrived and waits out the injected latency. */
    synchronized void started() {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
    }

    /** A request's latency is over; its answer follows at once. */
    synchronized void ended() {
        inFlight--;
    }

    /**
     * The most requests that waited out the injected latency at the same time: how far clients overlap their
     * requests. A client that sends one request at a time never gets above 1.
     */
    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    /** Counts the body code an answer carried (0 for success). */
    synchronized void answered(int code) {
        answerCodes.merge(code, 1L, Long::sum);
    }

    /** Answers that carried this body code, e.g. 6451010 for "Too many requests" (0 counts successes). */
    public synchronized long answers(int code) {
        return answerCodes.getOrDefault(code, 0L);
    }

    /** Requests per endpoint name, for every endpoint that was asked at least once. */
    public synchronized Map<String, Integer> perEndpoint() {
        return Map.copyOf(perEndpoint);
    }

    /** The service accounts that requests were attributed to. */
    public synchronized List<String> accounts() {
        return perAccountMinute.keySet().stream().sorted().toList();
    }

    public synchronized long total() {
        return total;
    }

    /** Requests whose path named this endpoint ("enquiry-detail", ..., "inquiry-event-sub"). */
    public synchronized int count(String endpoint) {
        return perEndpoint.getOrDefault(endpoint, 0);
    }

    /** Requests attributed to the service account, keyed by the start of their sim-clock minute. */
    public synchronized SortedMap<Instant, Integer> perMinute(String serviceAccountId) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(perAccountMinute.getOrDefault(serviceAccountId, new TreeMap<>())));
    }

    /**
     * Requests of every service account per sim-clock span of 10 seconds, keyed by its start: the shape of a
     * minute, which a benchmark prints to show where a minute lost its requests.
     */
    public synchronized SortedMap<Instant, Integer> perTenSeconds() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(perTenSeconds));
    }

    public synchronized int maxPerMinute(String serviceAccountId) {
        return perAccountMinute.getOrDefault(serviceAccountId, new TreeMap<>()).values().stream()
                .mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The most recent request, or null if none arrived yet. */
    public synchronized RecordedRequest last() {
        return recent.peekLast();
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(recent);
    }

    public synchronized void reset() {
        recent.clear();
        perEndpoint.clear();
        perAccountMinute.clear();
        perTenSeconds.clear();
        answerCodes.clear();
        total = 0;
        maxInFlight = inFlight;
    }
}
