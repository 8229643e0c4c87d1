package io.kafkaconnect.cinnox.webhook;

import java.util.concurrent.atomic.AtomicLong;

/** What the receiver answered, counted by kind; logged with the task's progress and read by tests. */
public final class ReceiverStats {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong challenges = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong badMethod = new AtomicLong();
    private final AtomicLong badBody = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicLong bufferFull = new AtomicLong();
    private final AtomicLong notWritten = new AtomicLong();

    void accepted() {
        accepted.incrementAndGet();
    }

    void challenge() {
        challenges.incrementAndGet();
    }

    void unauthorized() {
        unauthorized.incrementAndGet();
    }

    void badMethod() {
        badMethod.incrementAndGet();
    }

    void badBody() {
        badBody.incrementAndGet();
    }

    void tooLarge() {
        tooLarge.incrementAndGet();
    }

    void bufferFull() {
        bufferFull.incrementAndGet();
    }

    void notWritten() {
        notWritten.incrementAndGet();
    }

    /** Events answered 200 after Kafka had them. */
    public long acceptedCount() {
        return accepted.get();
    }

    public long challengeCount() {
        return challenges.get();
    }

    /** Requests without the secret, answered 404. */
    public long unauthorizedCount() {
        return unauthorized.get();
    }

    public long badMethodCount() {
        return badMethod.get();
    }

    public long badBodyCount() {
        return badBody.get();
    }

    public long tooLargeCount() {
        return tooLarge.get();
    }

    public long bufferFullCount() {
        return bufferFull.get();
    }

    /** Events answered 503 because Kafka did not acknowledge them in time or the receiver stopped. */
    public long notWrittenCount() {
        return notWritten.get();
    }

    @Override
    public String toString() {
        return "events accepted=" + accepted + ", challenges=" + challenges + ", rejected: no secret="
                + unauthorized + ", method=" + badMethod + ", body=" + badBody + ", too large=" + tooLarge
                + ", buffer full=" + bufferFull + ", not written in time=" + notWritten;
    }
}
