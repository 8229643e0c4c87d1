package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.report.Report;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what a task did, for its progress log line and its metrics. Thread-safe. */
public final class TaskStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong recordsWithoutKey = new AtomicLong();
    private final AtomicLong chatsOverLimit = new AtomicLong();
    private final Map<Report, AtomicLong> records = new EnumMap<>(Report.class);

    public TaskStats() {
        for (Report report : Report.values()) {
            records.put(report, new AtomicLong());
        }
    }

    public void requestSent() {
        requests.incrementAndGet();
    }

    public void requestThrottled() {
        throttled.incrementAndGet();
    }

    public void rateLimited() {
        rateLimited.incrementAndGet();
    }

    public void retried() {
        retries.incrementAndGet();
    }

    public void heartbeat() {
        heartbeats.incrementAndGet();
    }

    public void recordWithoutKey() {
        recordsWithoutKey.incrementAndGet();
    }

    public void chatOverLimit() {
        chatsOverLimit.incrementAndGet();
    }

    public void recordsEmitted(Report report, int count) {
        records.get(report).addAndGet(count);
    }

    long requests() {
        return requests.get();
    }

    long throttled() {
        return throttled.get();
    }

    long rateLimitedAnswers() {
        return rateLimited.get();
    }

    public long retries() {
        return retries.get();
    }

    long heartbeats() {
        return heartbeats.get();
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

    /** For the progress log; records per report have lines of their own. */
    @Override
    public String toString() {
        return requests + " requests sent, " + throttled + " throttled, " + rateLimited + " rate limited (6451010), "
                + retries + " retries, " + heartbeats + " heartbeats, " + recordsWithoutKey + " records without key, "
                + chatsOverLimit + " chats over the limit";
    }
}
