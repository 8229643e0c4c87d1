package io.kafkaconnect.cinnox.client;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which short page is the last one when CINNOX may answer fewer rows than {@code limit} asked without
 * saying so (SPEC 2.5, A-04): it learns the most rows one page held, and the accepted limit once a page of that
 * many rows was followed by more, per endpoint or for the whole account ({@link PageLimitScope}). A page shorter
 * than asked is the last only when it is also shorter than what was shown; otherwise the caller asks the next
 * page. Thread-safe.
 */
public final class PageLimits {

    private static final Logger log = LoggerFactory.getLogger(PageLimits.class);

    /** Undecided pages remembered per endpoint (one per paged query in progress), oldest forgotten first. */
    static final int MAX_OPEN = 256;

    /** What pages have shown: the most rows on one page and the accepted limit (0 = not known). */
    private static final class Shown {
        int largest;
        int cap;
    }

    /** One endpoint: what its scope has shown (its own, or the account's) and its open pages. */
    private static final class Learned {
        final Shown shown;
        final Map<String, Open> open = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
                return size() > MAX_OPEN;
            }
        };

        Learned(Shown shown) {
            this.shown = shown;
        }
    }

    /** A short page not taken as the last: where it ended and how many rows it held. */
    private record Open(long end, int rows) {
    }

    private final Map<String, Learned> endpoints = new HashMap<>();
    private final PageLimitScope scope;
    private final Runnable onProbe;
    private final Shown account = new Shown();
    private long probes;

    public PageLimits(PageLimitScope scope) {
        this(scope, () -> { });
    }

    /** {@code onProbe} runs for every short page not taken as the last (an extra request, {@link #probes()}). */
    public PageLimits(PageLimitScope scope, Runnable onProbe) {
        this.scope = scope;
        this.onProbe = onProbe;
    }

    /**
     * Whether the page of {@code returned} elements (records and nulls) answered to {@code request} for
     * {@code query} (the window or parent id being paged) of {@code endpoint} is the last one, learning from it.
     * Not last means: ask the page at {@code request.offset() + returned} (or one row earlier, to check that
     * rows stayed in place). When that follow-up finds no row after the short page, the short page was the last;
     * when it does, CINNOX cut the short page at the limit it accepts, kept from then on for the endpoint (for
     * every endpoint in account scope).
     */
    public synchronized boolean last(String endpoint, String query, PageRequest request, int returned) {
        Learned e = endpoints.computeIfAbsent(endpoint,
                k -> new Learned(scope == PageLimitScope.ACCOUNT ? account : new Shown()));
        Shown shown = e.shown;
        Open open = e.open.remove(query);
        boolean followUp = open != null && request.offset() <= open.end() && request.offset() >= open.end() - 1;
        if (followUp && request.offset() + (long) returned <= open.end()) {
            shown.largest = Math.max(shown.largest, returned);
            return true;
        }
        if (followUp && shown.cap == 0 && open.rows() >= shown.largest) {
            shown.cap = open.rows();
            log.info("CINNOX answers at most {} rows a page on {} whatever limit is asked; pages of {} rows are not "
                    + "taken as the last from now on{}", shown.cap, endpoint, shown.cap, reach());
        }
        if (shown.cap > 0 && returned > shown.cap) {
            log.info("CINNOX answered {} rows on one page of {}, more than the {} it answered before; learning its "
                    + "limit again{}", returned, endpoint, shown.cap, reach());
            shown.cap = 0;
        }
        boolean last = decide(shown, request.limit(), returned);
        if (!last && returned < request.limit() && shown.cap == 0) {
            e.open.put(query, new Open(request.offset() + (long) returned, returned));
            probes++;
            onProbe.run();
        }
        shown.largest = Math.max(shown.largest, returned);
        return last;
    }

    private String reach() {
        return scope == PageLimitScope.ACCOUNT ? " on every endpoint (page.limit.scope=account)" : "";
    }

    private static boolean decide(Shown e, int limit, int returned) {
        if (returned == 0) {
            return true;
        }
        if (returned >= limit) {
            return false;
        }
        return returned < (e.cap > 0 ? e.cap : e.largest);
    }

    /** The accepted limit learned for {@code endpoint} (for every endpoint in account scope); 0 while not known. */
    public synchronized int cap(String endpoint) {
        return shown(endpoint).cap;
    }

    /** The most rows one page held so far, of {@code endpoint} or in account scope of any; 0 before one. */
    public synchronized int largest(String endpoint) {
        return shown(endpoint).largest;
    }

    private Shown shown(String endpoint) {
        if (scope == PageLimitScope.ACCOUNT) {
            return account;
        }
        Learned e = endpoints.get(endpoint);
        return e == null ? new Shown() : e.shown;
    }

    /** How many short pages were not taken as the last while an endpoint's limit was unknown: extra requests. */
    public synchronized long probes() {
        return probes;
    }
}
