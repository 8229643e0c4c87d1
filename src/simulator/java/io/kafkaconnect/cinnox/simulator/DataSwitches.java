package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Switches that change the generated data rather than how it is served, so they are fixed at start (day data is
 * cached): long calls and conferences that become visible long after the window they are dated in, recordings ready
 * long after their call, enquiries that close days after creation, and groups of rows with equal sort times.
 * Data drawn for these comes from separate random streams: with every switch off the data is what it always was.
 *
 * @param longCallShare fraction of calls and conferences that last {@code longCallDuration} (0 = none)
 * @param recordingDelay how long after its call ends a recording file is ready, or null for 10-90 s
 * @param lateCloseShare fraction of enquiries that stay ongoing and close {@code lateCloseAfter} after creation
 * @param tieGroup rows of a kind and day that share one sort time, in consecutive groups of this size (1 = no ties)
 */
public record DataSwitches(double longCallShare, Duration longCallDuration, Duration recordingDelay,
                           double lateCloseShare, Duration lateCloseAfter, int tieGroup) {

    public static final DataSwitches NONE = new DataSwitches(0, Duration.ofHours(2), null, 0, Duration.ofDays(4), 1);

    private static final int BASE_LOOK_BACK_DAYS = 3;

    public DataSwitches {
        Objects.requireNonNull(longCallDuration, "longCallDuration");
        Objects.requireNonNull(lateCloseAfter, "lateCloseAfter");
        if (!(longCallShare >= 0 && longCallShare <= 1) || !(lateCloseShare >= 0 && lateCloseShare <= 1)) {
            throw new IllegalArgumentException("a share must be within [0, 1]");
        }
        if (!positive(longCallDuration) || !positive(lateCloseAfter)
                || recordingDelay != null && recordingDelay.isNegative() || tieGroup < 1) {
            throw new IllegalArgumentException("durations must be positive and the tie group at least 1");
        }
        if (longCallDuration.compareTo(Duration.ofDays(30)) > 0 || lateCloseAfter.compareTo(Duration.ofDays(30)) > 0
                || recordingDelay != null && recordingDelay.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("lateness is limited to 30 days");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** {@code share} of calls and conferences last {@code duration} (connected calls, "Call Ended"). */
    public DataSwitches withLongCalls(double share, Duration duration) {
        return new DataSwitches(share, duration, recordingDelay, lateCloseShare, lateCloseAfter, tieGroup);
    }

    /** Every recording file is ready {@code delay} after its call or conference ends (a second apart per file). */
    public DataSwitches withRecordingDelay(Duration delay) {
        return new DataSwitches(longCallShare, longCallDuration, delay, lateCloseShare, lateCloseAfter, tieGroup);
    }

    /** {@code share} of enquiries stay ongoing and close {@code after} their creation (e.g. four days). */
    public DataSwitches withLateClose(double share, Duration after) {
        return new DataSwitches(longCallShare, longCallDuration, recordingDelay, share, after, tieGroup);
    }

    /** Rows share their sort time in consecutive groups of {@code size} (1 switches ties off). */
    public DataSwitches withTies(int size) {
        return new DataSwitches(longCallShare, longCallDuration, recordingDelay, lateCloseShare, lateCloseAfter, size);
    }

    /**
     * How many days before a time span the rows whose changes may fall in it start: three, plus the longest
     * lateness switched on.
     */
    int lookBackDays() {
        Duration longest = Duration.ZERO;
        if (longCallShare > 0) {
            longest = longCallDuration;
        }
        if (lateCloseShare > 0 && lateCloseAfter.compareTo(longest) > 0) {
            longest = lateCloseAfter;
        }
        if (recordingDelay != null) {
            longest = longest.plus(recordingDelay);
        }
        return BASE_LOOK_BACK_DAYS + (int) Math.ceil(longest.toSeconds() / 86_400.0);
    }
}
