package io.kafkaconnect.cinnox.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what happens to child data CINNOX did not give: a recording answered 6451011 or empty is asked again
 * with backoff while its call is recent (CINNOX adds recordings when processing ends); a chat page answered
 * 6451013 is asked again later with a smaller page, a few times, before the chat is given up.
 *
 * @param recordingWaitMax how long after the end of its call's bucket a recording is waited for; 0 = not at all
 * @param recordingRetries the waits between the requests for a recording not there yet
 * @param chatRetries how many times a chat page answered 6451013 is asked again
 * @param chatBackoff the waits between those requests
 * @param chatPageDivisor each retry asks for the page size divided by this
 */
public record LateChildPolicy(Duration recordingWaitMax, RetrySchedule recordingRetries, int chatRetries,
        RetrySchedule chatBackoff, int chatPageDivisor) {

    /** What to do with the child. */
    public sealed interface Decision {
    }

    /** Ask again as {@code late} says. */
    public record Retry(LateChild late) implements Decision {
    }

    /** Nothing to wait for: the parent is too old for its recording to be still on its way. */
    public record Absent() implements Decision {
    }

    /** Waited or retried enough: give the child up and report it. */
    public record GiveUp(String reason) implements Decision {
    }

    /** 4 hours, asked 1 minute later, doubling to 15; chats 3 retries 30 s apart doubling, halving the page. */
    public static final LateChildPolicy DEFAULT = new LateChildPolicy(Duration.ofHours(4),
            new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(15)), 3,
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10)), 2);

    public LateChildPolicy {
        Objects.requireNonNull(recordingWaitMax, "recordingWaitMax");
        Objects.requireNonNull(recordingRetries, "recordingRetries");
        Objects.requireNonNull(chatBackoff, "chatBackoff");
        if (recordingWaitMax.isNegative() || chatRetries < 0 || chatPageDivisor < 2) {
            throw new IllegalArgumentException("The recording wait and chat retries must not be negative, the page "
                    + "divisor at least 2");
        }
    }

    /**
     * A recording answered 6451011 or an empty list. {@code previous} is its entry when it was already waiting;
     * {@code parentBucketEnd} is the end of the bucket of its call or conference, from which the wait is counted.
     */
    public Decision recordingMissing(String child, Optional<LateChild> previous, Instant parentBucketEnd, Instant now) {
        if (previous.isEmpty()) {
            Instant deadline = parentBucketEnd.plus(recordingWaitMax);
            return recordingRetries.next(0, now, deadline)
                    .<Decision>map(at -> new Retry(new LateChild(child, 0, 0, 0, at.toEpochMilli(), deadline.toEpochMilli())))
                    .orElseGet(Absent::new);
        }
        LateChild waiting = previous.get();
        int done = waiting.attempts() + 1;
        return recordingRetries.next(done, now, waiting.deadline())
                .<Decision>map(at -> new Retry(waiting.retriedAt(at, 0)))
                .orElseGet(() -> new GiveUp("no recording " + recordingWaitMax + " after the call's hour, asked "
                        + (done + 1) + " times"));
    }

    /**
     * A chat page at {@code offset} of {@code pageSize} messages answered 6451013. {@code previous} is the chat's
     * entry when this was already a retry.
     */
    public Decision chatOverLimit(String child, long offset, int pageSize, Optional<LateChild> previous, Instant now) {
        int done = previous.map(late -> late.attempts() + 1).orElse(0);
        if (done >= chatRetries || pageSize <= 1) {
            return new GiveUp("6451013 Requested chat logs over the limit at offset " + offset + " with pages of "
                    + pageSize + " after " + done + " retries");
        }
        long due = now.plus(chatBackoff.delay(done)).toEpochMilli();
        int smaller = Math.max(1, pageSize / chatPageDivisor);
        return new Retry(previous.map(late -> late.retriedAt(Instant.ofEpochMilli(due), smaller))
                .orElseGet(() -> new LateChild(child, offset, smaller, 0, due, due)));
    }

    /** How far back a bucket may still hold late child work: the longest recording wait. */
    public Duration longestWait() {
        return recordingWaitMax;
    }
}
