package io.kafkaconnect.cinnox.offset;

import static io.kafkaconnect.cinnox.offset.CursorFormat.DONE;
import static io.kafkaconnect.cinnox.offset.CursorFormat.OFFSET;
import static io.kafkaconnect.cinnox.offset.CursorFormat.WINDOW_END;
import static io.kafkaconnect.cinnox.offset.CursorFormat.WINDOW_MAX;
import static io.kafkaconnect.cinnox.offset.CursorFormat.WINDOW_START;

import io.kafkaconnect.cinnox.ledger.LateCursor;
import java.util.Map;

/**
 * The offset of a {@link WindowCursor} in the version 1 format ({@link CursorFormat}): the main window,
 * {@code windowMax}, the child work, {@code done} and the late-data keys. The {@code tracked} and sweep
 * keys stay at their fresh values; an offset written before ledgers holds tracked records, which the
 * unit's ledgers take over ({@link #legacyTracked}).
 */
final class WindowCursorCodec {

    private WindowCursorCodec() {
    }

    static Map<String, Object> toOffset(WindowCursor cursor) {
        Map<String, Object> offset = CursorFormat.blank();
        CursorFormat.putWindow(offset, WINDOW_START, WINDOW_END, OFFSET, cursor.main());
        offset.put(WINDOW_MAX, cursor.windowLimitMs());
        CursorFormat.putChildren(offset, cursor.children());
        offset.put(DONE, cursor.done());
        cursor.late().write(offset);
        return offset;
    }

    static WindowCursor fromOffset(Map<String, ?> offset) {
        return CursorFormat.read(offset, WindowCursor.fresh(), o -> new WindowCursor(
                CursorFormat.window(o, WINDOW_START, WINDOW_END, OFFSET), CursorFormat.number(o, WINDOW_MAX),
                CursorFormat.children(o), CursorFormat.flag(o, DONE), LateCursor.read(o)));
    }

    static TrackedRecords legacyTracked(Map<String, ?> offset) {
        return CursorFormat.read(offset, TrackedRecords.NONE, CursorFormat::tracked);
    }
}
