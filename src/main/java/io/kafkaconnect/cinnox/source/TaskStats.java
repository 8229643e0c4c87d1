package io.kafkaconnect.cinnox.source;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what a task did, for its progress log line and, later, its metrics. Thread-safe. */
final class TaskStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong recordsWithoutKey = new AtomicLong();
    private final AtomicLong chatsOverLimit = new AtomicLong();
    private final Map<Report, AtomicLong> records = new EnumMap<>(Report.class);

    TaskStats() {
        for (Report report : Report.values()) {
            records.put(report, new AtomicLong());
        }
    }

    void requestSent() {
        requests.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void heartbeat() {
        heartbeats.incrementAndGet();
    }

    void recordWithoutKey() {
        recordsWithoutKey.incrementAndGet();
    }

    void chatOverLimit() {
        chatsOverLimit.incrementAndGet();
    }

    void recordsEmitted(Report report, int count) {
        records.get(report).addAndGet(count);
    }

    long requests() {
        return requests.get();
    }

    long rateLimitedAnswers() {
        return rateLimited.get();
    }

    long retries() {
        return retries.get();
    }

    long records(Report report) {
        return records.get(report).get();
    }

    long recordsWithoutKey() {
        return recordsWithoutKey.get();
    }

    long chatsOverLimit() {
        return chatsOverLimit.get();
    }

    @Override
    public String toString() {
        StringBuilder perReport = new StringBuilder();
        records.forEach((report, count) -> {
            if (count.get() > 0) {
                perReport.append(perReport.length() == 0 ? "" : ", ").append(report).append('=').append(count);
            }
        });
        return "requests=" + requests + ", rateLimited=" + rateLimited + ", retries=" + retries
                + ", heartbeats=" + heartbeats + ", withoutKey=" + recordsWithoutKey + ", records={" + perReport + "}";
    }
}
