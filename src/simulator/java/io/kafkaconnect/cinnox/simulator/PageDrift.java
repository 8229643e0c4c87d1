package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows that appear below the offset between two page requests of a window. When a window is first read from offset
 * 0 and holds more than a page, some rows of that first page are held back; the next request to the same endpoint
 * releases them, so offset paging repeats the rows they push onto the next page and never sees them. The ground
 * truth honours the held-back rows too, so it always matches what the server would answer.
 */
final class PageDrift {

    private record WindowKey(String account, Endpoint endpoint, Instant from, Instant to) {
    }

    private record Target(String account, Endpoint endpoint) {
    }

    private final Set<WindowKey> drifted = new HashSet<>();
    private final Map<Target, Set<String>> held = new HashMap<>();
    private long released;

    /**
     * Called once per served page request of a windowed endpoint, with the rows in served order before any are held
     * back: releases rows held by an earlier request, then holds back {@code rows} rows of the first page when this
     * is the window's first read from offset 0.
     */
    synchronized void beforePage(String account, ReportQuery q, List<SimRecord> served, int rows) {
        Target target = new Target(account, q.endpoint());
        Set<String> before = held.remove(target);
        if (before != null) {
            released += before.size();
        }
        WindowKey key = new WindowKey(account, q.endpoint(), q.from(), q.to());
        if (rows <= 0 || q.offset() != 0 || served.size() <= q.limit() || !drifted.add(key)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = q.limit() / 2; i < Math.min(q.limit(), q.limit() / 2 + rows); i++) {
            ids.add(served.get(i).id());
        }
        held.put(target, ids);
    }

    /** Whether the row is held back now (not served, not in the ground truth). */
    synchronized boolean held(String account, Endpoint endpoint, SimRecord row) {
        Set<String> ids = held.get(new Target(account, endpoint));
        return ids != null && ids.contains(row.id());
    }

    /** How many held-back rows were released so far: each is a row inserted below a reader's offset. */
    synchronized long released() {
        return released;
    }

    synchronized void reset() {
        drifted.clear();
        held.clear();
        released = 0;
    }
}
