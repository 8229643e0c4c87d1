package io.kafkaconnect.cinnox.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtime switches for everything the CINNOX documentation leaves open (SPEC section 8); the defaults are the SPEC's
 * assumptions. Thread-safe: tests flip switches while the server runs.
 */
public final class Behaviour {

    private volatile Envelope envelope;
    private volatile NoRecordsStyle noRecords;
    private volatile boolean inclusiveEnd;
    private volatile boolean descending;
    private volatile int maxLimit;
    private volatile int defaultLimit;
    private volatile int defaultMaxWindowDays;
    private final Map<String, Integer> maxWindowDays = new ConcurrentHashMap<>();
    private volatile int rateLimitStatus;
    private volatile boolean retryAfterHeader;
    private volatile int authFailureStatus;
    private volatile int chatSizeLimit;
    private final Map<String, Envelope> envelopes = new ConcurrentHashMap<>();

    public Behaviour() {
        reset();
    }

    /** Restores every switch to the SPEC default. */
    public synchronized void reset() {
        envelope = Envelope.RESULT;
        noRecords = NoRecordsStyle.HTTP_404_CODE;
        inclusiveEnd = true;
        descending = false;
        maxLimit = 500;
        defaultLimit = 50;
        defaultMaxWindowDays = 90;
        maxWindowDays.clear();
        rateLimitStatus = 429;
        retryAfterHeader = false;
        authFailureStatus = 401;
        chatSizeLimit = 2000;
        envelopes.clear();
    }

    public Behaviour envelope(Envelope value) {
        envelope = Objects.requireNonNull(value);
        return this;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The success envelope of one endpoint (e.g. "call-log"), overriding {@link #envelope(Envelope)} for it. */
    public Behaviour envelope(String endpoint, Envelope value) {
        envelopes.put(endpointName(endpoint), Objects.requireNonNull(value));
        return this;
    }

    /** The envelope for an endpoint name (as the request log names it), or the general one. */
    public Envelope envelope(String endpoint) {
        return endpoint == null ? envelope : envelopes.getOrDefault(endpoint, envelope);
    }

    public Behaviour noRecords(NoRecordsStyle value) {
        noRecords = Objects.requireNonNull(value);
        return this;
    }

    public NoRecordsStyle noRecords() {
        return noRecords;
    }

    /** True (default): {@code startAt <= t <= endAt}; false: half-open {@code startAt <= t < endAt}. */
    public Behaviour inclusiveEnd(boolean value) {
        inclusiveEnd = value;
        return this;
    }

    public boolean inclusiveEnd() {
        return inclusiveEnd;
    }

    /** False (default): ascending by window field then id; true: the reverse order. */
    public Behaviour descending(boolean value) {
        descending = value;
        return this;
    }

    public boolean descending() {
        return descending;
    }

    public Behaviour maxLimit(int value) {
        maxLimit = positive(value);
        return this;
    }

    public int maxLimit() {
        return maxLimit;
    }

    /** Page size used when {@code limit} is absent or 0. */
    public Behaviour defaultLimit(int value) {
        defaultLimit = positive(value);
        return this;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    /** Longest accepted window, in days, for one endpoint name (e.g. "call-detail"); default 90. */
    public Behaviour maxWindowDays(String endpoint, int days) {
        maxWindowDays.put(Endpoint.require(endpoint).pathName(), positive(days));
        return this;
    }

    public int maxWindowDays(String endpoint) {
        return maxWindowDays.getOrDefault(endpoint, defaultMaxWindowDays);
    }

    /** HTTP status sent with 6451010 (default 429). */
    public Behaviour rateLimitStatus(int status) {
        rateLimitStatus = status;
        return this;
    }

    public int rateLimitStatus() {
        return rateLimitStatus;
    }

    /** Whether 6451010 answers carry a {@code Retry-After} header (seconds to the next minute window). */
    public Behaviour retryAfterHeader(boolean value) {
        retryAfterHeader = value;
        return this;
    }

    public boolean retryAfterHeader() {
        return retryAfterHeader;
    }

    /** HTTP status sent with 6452000 / 6452001 (default 401). */
    public Behaviour authFailureStatus(int status) {
        authFailureStatus = status;
        return this;
    }

    public int authFailureStatus() {
        return authFailureStatus;
    }

    /** A chat with more messages than this, requested without offset/limit, is answered with 6451013 (default 2000). */
    public Behaviour chatSizeLimit(int messages) {
        chatSizeLimit = positive(messages);
        return this;
    }

    public int chatSizeLimit() {
        return chatSizeLimit;
    }

    private static String endpointName(String endpoint) {
        return Endpoint.require(endpoint).pathName();
    }

    private static int positive(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive: " + value);
        }
        return value;
    }
}
