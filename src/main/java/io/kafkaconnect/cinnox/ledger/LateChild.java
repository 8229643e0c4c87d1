package io.kafkaconnect.cinnox.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Child work of a bucket asked again later: a recording CINNOX did not have yet, or a chat CINNOX refused with
 * 6451013 and that is asked again with smaller pages. It waits in its bucket's state, so it survives a restart
 * without holding up the bucket's other child work.
 *
 * @param child the child reference as a pending list writes it ({@code call:<id>}, {@code chat:<id>})
 * @param offset the page offset inside the child to read next
 * @param pageSize the page size to ask for; 0 for the configured one
 * @param attempts how many times it was asked again already
 * @param dueAtMs when to ask next, epoch ms
 * @param deadlineMs after this, epoch ms, a recording is given up
 */
public record LateChild(String child, long offset, int pageSize, int attempts, long dueAtMs, long deadlineMs) {

    private static final char SEPARATOR = '|';
    private static final int NUMBERS = 5;

    public LateChild {
        Objects.requireNonNull(child, "child");
        if (child.isBlank() || offset < 0 || pageSize < 0 || attempts < 0 || dueAtMs < 0 || deadlineMs < 0) {
            throw new IllegalArgumentException("Invalid late child " + child + " offset " + offset + " page "
                    + pageSize + " attempts " + attempts);
        }
    }

    public Instant dueAt() {
        return Instant.ofEpochMilli(dueAtMs);
    }

    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMs);
    }

    public boolean isDue(Instant now) {
        return !dueAt().isAfter(now);
    }

    /** The same child asked again at {@code dueAt} with pages of {@code nextPageSize}, one more attempt counted. */
    public LateChild retriedAt(Instant dueAt, int nextPageSize) {
        return new LateChild(child, offset, nextPageSize, attempts + 1, dueAt.toEpochMilli(), deadlineMs);
    }

    /** The same child with a page of {@code readCount} read: its next page is due at {@code now}. */
    public LateChild pageRead(long readCount, Instant now) {
        return new LateChild(child, offset + readCount, pageSize, attempts, now.toEpochMilli(), deadlineMs);
    }

    /** {@code <child>|<offset>|<pageSize>|<attempts>|<dueAtMs>|<deadlineMs>}. */
    public String encode() {
        return child + SEPARATOR + offset + SEPARATOR + pageSize + SEPARATOR + attempts + SEPARATOR + dueAtMs
                + SEPARATOR + deadlineMs;
    }

    /** Reads {@link #encode()}'s form; the numbers are split off from the right, so a child may hold the separator. */
    public static LateChild decode(String text) {
        long[] numbers = new long[NUMBERS];
        int end = text.length();
        for (int i = NUMBERS - 1; i >= 0; i--) {
            int cut = text.lastIndexOf(SEPARATOR, end - 1);
            if (cut <= 0) {
                throw new IllegalArgumentException("Invalid late child '" + text + "' in a source offset");
            }
            numbers[i] = parse(text.substring(cut + 1, end), text);
            end = cut;
        }
        return new LateChild(text.substring(0, end), numbers[0], Math.toIntExact(numbers[1]),
                Math.toIntExact(numbers[2]), numbers[3], numbers[4]);
    }

    private static long parse(String number, String text) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid late child '" + text + "' in a source offset", e);
        }
    }

    @Override
    public String toString() {
        return child + (offset > 0 ? " from " + offset : "") + ", attempt " + attempts + ", due " + dueAt();
    }
}
