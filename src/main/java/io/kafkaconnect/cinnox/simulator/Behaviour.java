package io.kafkaconnect.cinnox.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final Set<String> itemsEnvelopes = ConcurrentHashMap.newKeySet();
    private volatile boolean shuffleTies;
    private volatile int limitCap;
    private volatile int chatRefusedFirst;
    private volatile int chatPageLimit;
    private final Map<String, Integer> lateInserts = new ConcurrentHashMap<>();
    private final Map<String, Integer> chatRequests = new ConcurrentHashMap<>();
    private final PageDrift drift = new PageDrift();

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
        itemsEnvelopes.clear();
        shuffleTies = false;
        limitCap = 0;
        chatRefusedFirst = 0;
        chatPageLimit = 0;
        lateInserts.clear();
        chatRequests.clear();
        drift.reset();
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

    /**
     * True: the endpoint's successes come as {@code {"code":0,"result":{"items":[...]}}}, a shape no CINNOX document
     * shows, which a client must refuse rather than read as "no records". False (default): the configured envelope.
     */
    public Behaviour itemsEnvelope(String endpoint, boolean on) {
        if (on) {
            itemsEnvelopes.add(endpointName(endpoint));
        } else {
            itemsEnvelopes.remove(endpointName(endpoint));
        }
        return this;
    }

    public boolean itemsEnvelope(String endpoint) {
        return endpoint != null && itemsEnvelopes.contains(endpoint);
    }

    /**
     * True: rows with equal sort time come in a different order on every request (rotated one place further each
     * time), as a server without a tie-break would serve them. False (default): ties are ordered by id.
     */
    public Behaviour shuffleTies(boolean value) {
        shuffleTies = value;
        return this;
    }

    public boolean shuffleTies() {
        return shuffleTies;
    }

    /**
     * Pages hold at most {@code rows} rows whatever {@code limit} asked (up to {@link #maxLimit()}), without an
     * error: a page shorter than asked is then not the last one. 0 (default) switches the cap off.
     */
    public Behaviour limitCap(int rows) {
        limitCap = notNegative(rows);
        return this;
    }

    public int limitCap() {
        return limitCap;
    }

    /** The first {@code requests} chat requests of each closed enquiry are answered 6451013; 0 (default) = off. */
    public Behaviour chatRefusedFirst(int requests) {
        chatRefusedFirst = notNegative(requests);
        return this;
    }

    public int chatRefusedFirst() {
        return chatRefusedFirst;
    }

    /** A chat request for a page larger than {@code messages} (default limit included) gets 6451013; 0 = off. */
    public Behaviour chatPageLimit(int messages) {
        chatPageLimit = notNegative(messages);
        return this;
    }

    public int chatPageLimit() {
        return chatPageLimit;
    }

    /**
     * For every window of {@code endpoint} first read from offset 0 while it holds more rows than one page,
     * {@code rows} rows from the middle of that first page are held back and appear at the next request to the
     * endpoint: rows inserted below the offset between two page requests. 0 switches it off.
     */
    public Behaviour lateInsert(String endpoint, int rows) {
        lateInserts.put(endpointName(endpoint), notNegative(rows));
        return this;
    }

    public int lateInsert(String endpoint) {
        return lateInserts.getOrDefault(endpoint, 0);
    }

    /** Counts one chat request of an enquiry and returns how many there were so far, this one included. */
    int countChatRequest(String account, String inquiry) {
        return chatRequests.merge(account + "/" + inquiry, 1, Integer::sum);
    }

    PageDrift drift() {
        return drift;
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

    private static int notNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
        return value;
    }

    private static int positive(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive: " + value);
        }
        return value;
    }
}
