package io.kafkaconnect.cinnox.inflight;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One request sent through {@link InFlightRequests}: the poll thread checks whether it is done and takes its
 * answer without blocking, or the exception the request threw, unchanged.
 */
public final class InFlight<T> {

    private final Future<T> future;

    InFlight(Future<T> future) {
        this.future = future;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /**
     * The answer of a done request; rethrows the request's unchecked exception as it was thrown.
     *
     * @throws IllegalStateException when the request is not done yet
     * @throws CancellationException when it was cancelled
     */
    public T answer() {
        if (!future.isDone()) {
            throw new IllegalStateException("The request is still in flight");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while taking a done answer");
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /** Cancels the request, interrupting the thread that sends it; harmless once done. */
    public void cancel() {
        future.cancel(true);
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("A request failed: " + cause, cause);
    }
}
