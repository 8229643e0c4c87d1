package io.kafkaconnect.cinnox.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtime switches for answers that trip a careless client up, beyond what the SPEC leaves open: ties in a different
 * order on each request, rows inserted below the offset between pages, a silently capped {@code limit}, an unknown
 * success envelope, and 6451013 before a chat is served. All off by default; thread-safe.
 */
public final class Traps {

    private final Set<String> itemsEnvelopes = ConcurrentHashMap.newKeySet();
    private volatile boolean shuffleTies;
    private volatile int limitCap;
    private volatile int chatRefusedFirst;
    private volatile int chatPageLimit;
    private final Map<String, Integer> lateInserts = new ConcurrentHashMap<>();
    private final Map<String, Integer> endpointCaps = new ConcurrentHashMap<>();
    private final Map<String, Integer> chatRequests = new ConcurrentHashMap<>();
    private final PageDrift drift = new PageDrift();

    /** Switches every trap off and forgets rows held back and chat requests counted. */
    public synchronized void reset() {
        itemsEnvelopes.clear();
        shuffleTies = false;
        limitCap = 0;
        chatRefusedFirst = 0;
        chatPageLimit = 0;
        lateInserts.clear();
        endpointCaps.clear();
        chatRequests.clear();
        drift.reset();
    }

    /**
     * True: the endpoint's successes come as {@code {"code":0,"result":{"items":[...]}}}, a shape no CINNOX document
     * shows, which a client must refuse rather than read as "no records". False (default): the configured envelope.
     */
    public Traps itemsEnvelope(String endpoint, boolean on) {
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
    public Traps shuffleTies(boolean value) {
        shuffleTies = value;
        return this;
    }

    public boolean shuffleTies() {
        return shuffleTies;
    }

    /**
     * Pages hold at most {@code rows} rows whatever {@code limit} asked (up to {@link Behaviour#maxLimit()}), without an
     * error: a page shorter than asked is then not the last one. 0 (default) switches the cap off.
     */
    public Traps limitCap(int rows) {
        limitCap = notNegative(rows);
        return this;
    }

    public int limitCap() {
        return limitCap;
    }

    /**
     * Pages of {@code endpoint} alone hold at most {@code rows} rows (the lower of this and {@link #limitCap()}
     * when both are set): an account whose endpoints cap {@code limit} differently. 0 switches it off.
     */
    public Traps limitCap(String endpoint, int rows) {
        endpointCaps.put(endpointName(endpoint), notNegative(rows));
        return this;
    }

    /** The most rows a page of {@code endpoint} holds; 0 when no cap applies to it. */
    public int limitCap(String endpoint) {
        int own = endpointCaps.getOrDefault(endpoint, 0);
        return own == 0 || limitCap == 0 ? Math.max(own, limitCap) : Math.min(own, limitCap);
    }

    /** The first {@code requests} chat requests of each closed enquiry are answered 6451013; 0 (default) = off. */
    public Traps chatRefusedFirst(int requests) {
        chatRefusedFirst = notNegative(requests);
        return this;
    }

    public int chatRefusedFirst() {
        return chatRefusedFirst;
    }

    /** A chat request for a page larger than {@code messages} (default limit included) gets 6451013; 0 = off. */
    public Traps chatPageLimit(int messages) {
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
    public Traps lateInsert(String endpoint, int rows) {
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

    private static String endpointName(String endpoint) {
        return Endpoint.require(endpoint).pathName();
    }

    private static int notNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
        return value;
    }
}
