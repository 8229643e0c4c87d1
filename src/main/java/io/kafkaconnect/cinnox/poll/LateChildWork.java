package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LateChild;
import io.kafkaconnect.cinnox.ledger.LateChildPolicy;
import io.kafkaconnect.cinnox.ledger.LateChildren;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link LateChildPolicy} to a bucket's state: a recording not there yet or a chat refused with
 * 6451013 waits in the bucket's late list, or is given up, counted and logged (INFO naming the call, WARN
 * naming the enquiry).
 */
final class LateChildWork {

    private static final Logger log = LoggerFactory.getLogger(LateChildWork.class);

    private final WorkUnit unit;
    private final LateChildPolicy policy;
    private final TaskStats stats;

    LateChildWork(WorkUnit unit, LateChildPolicy policy, TaskStats stats) {
        this.unit = unit;
        this.policy = policy;
        this.stats = stats;
    }

    static boolean isRecording(ChildRef child) {
        return child.link().child() == Report.RECORDING_FILE;
    }

    /**
     * {@code state} (without the child) after CINNOX answered 6451011 or an empty list for the recordings of
     * {@code child}, a child of a row of {@code bucket}; {@code previous} is its entry when it was waiting.
     */
    BucketState recordingMissing(Bucket bucket, BucketState state, ChildRef child, Optional<LateChild> previous,
            Instant now) {
        LateChildPolicy.Decision decision = policy.recordingMissing(child.encode(), previous, bucket.end(), now);
        if (decision instanceof LateChildPolicy.Retry retry) {
            LateChild late = retry.late();
            log.info("{}: no recording of {} {} yet (attempt {}); asking again at {}, until {}", unit,
                    child.link().prefix(), child.id(), late.attempts() + 1, late.dueAt(), late.deadline());
            return waitFor(state, late);
        }
        if (decision instanceof LateChildPolicy.GiveUp giveUp) {
            givenUp(child, giveUp.reason());
        } else {
            log.debug("{}: no recording of {} {}; the call is too old to wait for one", unit, child.link().prefix(),
                    child.id());
        }
        return state;
    }

    /** The {@code files} recordings of {@code child} appeared when asked again. */
    void recordingAppeared(ChildRef child, LateChild late, int files) {
        stats.lateRecordings(files);
        log.info("{}: {} recording(s) of {} {} appeared when asked again (attempt {})", unit, files,
                child.link().prefix(), child.id(), late.attempts() + 1);
    }

    /**
     * {@code state} (without the child) after CINNOX refused the page of {@code child} at {@code offset} of
     * {@code pageSize} messages with 6451013; {@code previous} is its entry when this was already a retry.
     */
    BucketState chatRefused(BucketState state, ChildRef child, long offset, int pageSize, Optional<LateChild> previous,
            Instant now) {
        stats.chatOverLimit();
        LateChildPolicy.Decision decision = policy.chatOverLimit(child.encode(), offset, pageSize, previous, now);
        if (decision instanceof LateChildPolicy.Retry retry) {
            LateChild late = retry.late();
            log.info("{}: CINNOX refused the chat of enquiry {} at offset {} with pages of {} (6451013); asking "
                    + "again at {} with pages of {}", unit, child.id(), offset, pageSize, late.dueAt(), late.pageSize());
            return waitFor(state, late);
        }
        givenUp(child, ((LateChildPolicy.GiveUp) decision).reason());
        return state;
    }

    /** {@code state} with {@code late} waiting; when the bucket's list is full, the nearest deadline is given up. */
    BucketState waitFor(BucketState state, LateChild late) {
        LateChildren.Added added = state.late().with(late);
        added.givenUp().ifPresent(dropped -> givenUp(ChildRef.decode(dropped.child()), "more than "
                + LateChildren.CAPACITY + " children of one hour wait to be asked again; this one's deadline is "
                + "nearest"));
        return state.withLate(added.children());
    }

    private void givenUp(ChildRef child, String reason) {
        if (isRecording(child)) {
            stats.recordingGivenUp();
            log.info("{}: giving up the recording of {} {}: {}", unit, child.link().prefix(), child.id(), reason);
        } else {
            stats.chatGivenUp();
            log.warn("{}: giving up the chat of enquiry {}: {}", unit, child.id(), reason);
        }
    }
}
