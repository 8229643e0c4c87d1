package io.kafkaconnect.cinnox.webhook;

import java.util.concurrent.CompletableFuture;

/**
 * An accepted event on its way to Kafka. The HTTP handler waits on {@link #written()}, which completes
 * when Connect reports the record as written ({@code SourceTask.commitRecord}) or fails when the receiver
 * stops first; either way the event's place in the buffer is then freed.
 */
public final class PendingEvent {

    private final EnquiryEvent event;
    private final CompletableFuture<Void> written = new CompletableFuture<>();

    PendingEvent(EnquiryEvent event) {
        this.event = event;
    }

    public EnquiryEvent event() {
        return event;
    }

    CompletableFuture<Void> written() {
        return written;
    }

    /** Connect wrote the record (or a transformation dropped it on purpose). */
    public void markWritten() {
        written.complete(null);
    }

    void abandon(Exception why) {
        written.completeExceptionally(why);
    }
}
