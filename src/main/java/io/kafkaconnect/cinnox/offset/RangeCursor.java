package io.kafkaconnect.cinnox.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The main pass part shared by the cursors of units read over a time range (windowed and daily): a main
 * window fixed while it is paged, positioned where the next one starts once it is finished. The window
 * planner works on this part only.
 *
 * @param <C> the cursor type, which every transition returns
 */
public sealed interface RangeCursor<C extends RangeCursor<C>> extends UnitCursor permits WindowCursor, DailyCursor {

    /** The main pass window; not fixed (start == end) between windows, positioned where the next starts. */
    PagedWindow main();

    /** The window length learnt from too-wide answers; empty means the configured maximum applies. */
    Optional<Duration> windowLimit();

    /** The same cursor with main window {@code window} (the window limit unchanged). */
    C withMain(PagedWindow window);

    @Override
    default long windowStart() {
        return main().start();
    }

    default long windowEnd() {
        return main().end();
    }

    default long pageOffset() {
        return main().offset();
    }

    /** Whether a main window is fixed; paging goes on inside it until {@link #windowFinished()}. */
    default boolean windowFixed() {
        return main().fixed();
    }

    /** Fixes the main window {@code [start, end)} at page offset 0; no window may be fixed and no child work pending. */
    default C startWindow(Instant start, Instant end) {
        if (windowFixed()) {
            throw new IllegalStateException("Window " + main() + " is still being read");
        }
        requireNoPending();
        return withMain(PagedWindow.of(start, end));
    }

    /** Moves past a page of {@code readCount} records of the fixed main window. */
    default C nextPage(int readCount) {
        return withMain(main().pageRead(readCount));
    }

    /** Ends the fixed main window; the next one starts at its end. Child work must be done first. */
    default C windowFinished() {
        requireNoPending();
        return withMain(main().finished());
    }

    /** Throws when child work is pending: it must be read before the main window moves. */
    default void requireNoPending() {
        if (pendingChildren() > 0) {
            throw new IllegalStateException(pendingChildren() + " pending children must be read first");
        }
    }
}
