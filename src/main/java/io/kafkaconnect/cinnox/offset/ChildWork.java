package io.kafkaconnect.cinnox.offset;

import java.util.List;

/**
 * Child work a cursor keeps: the ids found in the last page, read in order, and the page offset inside the
 * first. Shared by the windowed cursor (children of rows without a bucket) and the snapshot cursor (the
 * channels of each channel type).
 *
 * @param pending child ids still to read, in order, none empty
 * @param offset the page offset inside the first pending child
 */
public record ChildWork(List<String> pending, long offset) {

    public static final ChildWork NONE = new ChildWork(List.of(), 0);

    public ChildWork {
        pending = List.copyOf(pending);
        if (pending.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Child and tracked record ids must not be empty");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("Cursor times, limits and offsets must not be negative");
        }
        if (offset > 0 && pending.isEmpty()) {
            throw new IllegalArgumentException("Child offset " + offset + " without pending child work");
        }
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The ids found in the last page, to read in order; no child work may be pending. */
    ChildWork found(List<String> ids) {
        requireNone();
        return new ChildWork(ids, 0);
    }

    /** Moves past a page of {@code readCount} records of the first pending child. */
    ChildWork pageRead(int readCount) {
        if (pending.isEmpty() || readCount < 0) {
            throw new IllegalStateException("No pending child to page, or negative count " + readCount);
        }
        return new ChildWork(pending, offset + readCount);
    }

    /** Drops the first pending child, whose records are all read (or skipped). */
    ChildWork finished() {
        if (pending.isEmpty()) {
            throw new IllegalStateException("No pending child to finish");
        }
        return new ChildWork(pending.subList(1, pending.size()), 0);
    }

    void requireNone() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " pending children must be read first: " + pending);
        }
    }
}
