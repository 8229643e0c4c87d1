package io.kafkaconnect.cinnox.budget;

/**
 * Counts one task's permits taken and refused per clock minute over the last few minutes: what it used
 * and whether it wants more, for the budget state it publishes. Thread-safe.
 */
public final class MinuteUsage {

    /** Minutes remembered: the current one and the three before. */
    static final int MINUTES = 4;
    /**
     * Refused permits in a minute from which a task wants more. A busy task is refused many times a minute
     * (it asks for a permit for every free request slot); an idle one now and then, when a few requests fall
     * due at once.
     */
    static final int WANT_REFUSALS = 20;

    /** What a task used and wants, as of one minute. */
    public record Usage(long usedLastMinute, long peakRecent, boolean wants) {
    }

    private final long[] minutes = new long[MINUTES];
    private final long[] taken = new long[MINUTES];
    private final long[] refused = new long[MINUTES];

    public MinuteUsage() {
        java.util.Arrays.fill(minutes, Long.MIN_VALUE);
    }

    public synchronized void took(long minute) {
        taken[slot(minute)]++;
    }

    public synchronized void refused(long minute) {
        refused[slot(minute)]++;
    }

    /** The usage as of {@code minute}: the last full minute, the peak of the minutes kept, and the want. */
    public synchronized Usage usage(long minute) {
        long peak = 0;
        for (int back = 0; back < MINUTES; back++) {
            peak = Math.max(peak, count(taken, minute - back));
        }
        boolean wants = count(refused, minute) >= WANT_REFUSALS || count(refused, minute - 1) >= WANT_REFUSALS;
        return new Usage(count(taken, minute - 1), peak, wants);
    }

    private long count(long[] counts, long minute) {
        int i = (int) Math.floorMod(minute, (long) MINUTES);
        return minutes[i] == minute ? counts[i] : 0;
    }

    private int slot(long minute) {
        int i = (int) Math.floorMod(minute, (long) MINUTES);
        if (minutes[i] != minute) {
            minutes[i] = minute;
            taken[i] = 0;
            refused[i] = 0;
        }
        return i;
    }
}
