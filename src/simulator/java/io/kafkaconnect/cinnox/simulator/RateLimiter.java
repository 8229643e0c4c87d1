package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Fixed, minute-aligned request budget per service account; every attributed request counts, rejected ones too. */
final class RateLimiter {

    private record Window(Instant minute, int count) {
    }

    private final Map<String, Window> windows = new HashMap<>();
    private volatile int limitPerMinute;

    RateLimiter(int limitPerMinute) {
        limit(limitPerMinute);
    }

    void limit(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
        limitPerMinute = value;
    }

    int limit() {
        return limitPerMinute;
    }

    /** Counts one request and tells whether it is within the budget of its minute. */
    synchronized boolean admit(String serviceAccountId, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Window w = windows.get(serviceAccountId);
        int count = w != null && w.minute().equals(minute) ? w.count() + 1 : 1;
        windows.put(serviceAccountId, new Window(minute, count));
        return count <= limitPerMinute;
    }

    /** Whole seconds until the next minute window opens (at least 1). */
    static long secondsToNextWindow(Instant now) {
        Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        return Math.max(1, (next.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }

    synchronized void reset() {
        windows.clear();
    }
}
