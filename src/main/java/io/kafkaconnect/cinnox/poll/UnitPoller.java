package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads one unit of work, at most one request per step, and keeps the unit's cursor. The task asks each
 * poller when it is due and how its step runs, and steps several units at once, one step per unit at a time.
 */
public interface UnitPoller {

    /** A time so far ahead that it stands for "nothing to do". */
    Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    WorkUnit unit();

    /** When the next step is due: {@code now} or earlier when it is due now, {@link #NEVER} when finished. */
    Instant dueAt(Instant now);

    /**
     * Sends at most one request to CINNOX and returns the records it yields, each carrying the offset to
     * resume from. Throws the client's exceptions; the cursor is left unchanged when it does.
     */
    List<SourceRecord> step(Instant now);

    /** How a unit's next step runs. */
    enum StepKind {
        /** It sends a request: it takes a permit and runs on the request pool. */
        REQUEST,
        /** It sends a request for a window wider than its endpoint is known to take: one such step at a time. */
        PROBE,
        /** It only applies answers already here: it runs on the poll thread, without a permit. */
        LOCAL,
        /** It waits for the answer to a request sent ahead. */
        WAITING
    }

    /** How the next step runs; every step sends a request unless the unit says otherwise. */
    default StepKind nextStep(Instant now) {
        return StepKind.REQUEST;
    }

    /**
     * Sends at most one request ahead of the unit's steps (a child page) through {@code sender}; false when it
     * sent none. Called only while no step of the unit runs.
     */
    default boolean sendAhead(Instant now, ConcurrentSteps.Sender sender) {
        return false;
    }

    /** Cancels the requests sent ahead; the task stops. */
    default void cancelAhead() {
    }

    /** CINNOX refused the current window as too wide: read it in halves from now on. */
    void windowTooWide();

    /** Whether the unit reads data close to now (it is served before backfill units). */
    boolean isLive(Instant now);

    /** Where the main pass stands, for the metrics; safe to call from any thread. */
    MainPass mainPass();

    /** One line for the progress log: where the cursor stands. */
    String progress();
}
