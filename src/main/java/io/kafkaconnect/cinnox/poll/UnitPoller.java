package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads one unit of work, one request per step, and keeps the unit's cursor. The task's scheduler asks
 * each poller when it is due and steps the one that is.
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

    /** CINNOX refused the current window as too wide: read it in halves from now on. */
    void windowTooWide();

    /** Whether the unit reads data close to now (it is served before backfill units). */
    boolean isLive(Instant now);

    /** Where the main pass stands, for the metrics; safe to call from any thread. */
    MainPass mainPass();

    /** One line for the progress log: where the cursor stands. */
    String progress();
}
