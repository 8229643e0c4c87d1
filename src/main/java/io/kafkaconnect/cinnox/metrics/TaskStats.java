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
    private final AtomicLong pageDrifts = new AtomicLong();
    private final AtomicLong pageFollowUps = new AtomicLong();
    private final AtomicLong lateChildRetries = new AtomicLong();
    private final AtomicLong lateRecordings = new AtomicLong();
    private final AtomicLong recordingsGivenUp = new AtomicLong();
    private final AtomicLong chatsGivenUp = new AtomicLong();
    private final Map<Report, AtomicLong> records = new EnumMap<>(Report.class);
    private final Map<Report, AtomicLong> lateRows = new EnumMap<>(Report.class);

    public TaskStats() {
        for (Report report : Report.values()) {
            records.put(report, new AtomicLong());
            lateRows.put(report, new AtomicLong());
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

    public void pageDrift() {
        pageDrifts.incrementAndGet();
    }

    /** A page shorter than asked was not taken as the last (CINNOX may cap the limit): one more request. */
    public void pageFollowUp() {
        pageFollowUps.incrementAndGet();
    }

    public long pageFollowUps() {
        return pageFollowUps.get();
    }

    /** A request asking again for a recording not there yet or a chat page refused with 6451013. */
    public void lateChildRetry() {
        lateChildRetries.incrementAndGet();
    }

    /** Recordings that CINNOX did not have at first and that appeared when asked again. */
    public void lateRecordings(int files) {
        lateRecordings.addAndGet(files);
    }

    /** A recording waited for until its limit without appearing. */
    public void recordingGivenUp() {
        recordingsGivenUp.incrementAndGet();
    }

    /** A chat given up after its 6451013 retries (or to keep a bucket's late list bounded). */
    public void chatGivenUp() {
        chatsGivenUp.incrementAndGet();
    }

    public long lateChildRetries() {
        return lateChildRetries.get();
    }

    public long lateRecordings() {
        return lateRecordings.get();
    }

    public long recordingsGivenUp() {
        return recordingsGivenUp.get();
    }

    public long chatsGivenUp() {
        return chatsGivenUp.get();
    }

    public void lateRow(Report report) {
        lateRows.get(report).incrementAndGet();
    }

    public long pageDrifts() {
        return pageDrifts.get();
    }

    public long lateRows(Report report) {
        return lateRows.get(report).get();
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
                + chatsOverLimit + " chats over the limit, " + pageDrifts + " page drifts, " + pageFollowUps
                + " short pages followed up, " + lateChildRetries
                + " late child retries, " + lateRecordings + " late recordings, " + recordingsGivenUp
                + " recordings given up, " + chatsGivenUp + " chats given up";
    }
}
