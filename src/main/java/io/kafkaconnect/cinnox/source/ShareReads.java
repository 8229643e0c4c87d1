package io.kafkaconnect.cinnox.source;

import java.time.Duration;
import java.time.Instant;

/**
 * When the connector's share check reads the offsets (and the ledgers of the units behind), which costs a
 * read of the offsets topic: about once a minute once the check interval has passed, every 10 s while the
 * blind first deal is watched for the first sizes, and not while Connect has not taken the last request.
 */
final class ShareReads {

    /** The share check reads the offsets about once a minute at most. */
    static final Duration READ_EVERY = Duration.ofMinutes(1);
    /**
     * While the blind first deal is watched for the first sizes (see {@code TaskDealer.earlyCheck}), the check
     * reads every 10 s instead, so the re-split follows the first offsets flushed within seconds; that lasts
     * from 20 s to at most 2 minutes after the first deal of a fresh deployment, when little is stored.
     */
    static final Duration EARLY_READ_EVERY = Duration.ofSeconds(10);

    private final Duration checkEvery;
    /** When the check last asked for task configurations that Connect has not asked for yet. */
    private volatile Instant askedAt;
    /** When the check last read once the interval had passed; the monitor thread's own. */
    private Instant readAt;
    /** When the check last read for an early re-split; the monitor thread's own. */
    private Instant earlyReadAt;

    /** @param checkEvery how often the check runs; a once-a-minute read is due a check early, not one late */
    ShareReads(Duration checkEvery) {
        this.checkEvery = checkEvery;
    }

    /** The check asked Connect for task configurations. */
    void asked(Instant now) {
        askedAt = now;
    }

    /** Connect asked for task configurations ({@code taskConfigs}). */
    void taken() {
        askedAt = null;
    }

    /**
     * Whether the check should read now, and if so remembers it. The early reads and the others are timed
     * apart, so the early ones never delay the first read after the interval.
     *
     * @param checkDue whether a check now could find a reason to deal again
     * @param early whether the blind first deal is watched for the first sizes now
     */
    boolean due(Instant now, boolean checkDue, boolean early) {
        Instant asked = askedAt;
        if (!checkDue || asked != null && now.isBefore(asked.plus(READ_EVERY))) {
            return false;
        }
        if (early) {
            if (earlyReadAt != null && now.isBefore(earlyReadAt.plus(EARLY_READ_EVERY))) {
                return false;
            }
            earlyReadAt = now;
            return true;
        }
        if (readAt != null && now.isBefore(readAt.plus(READ_EVERY).minus(checkEvery))) {
            return false;
        }
        readAt = now;
        return true;
    }
}
