package io.kafkaconnect.cinnox.offset;

import static io.kafkaconnect.cinnox.offset.CursorFormat.DONE;
import static io.kafkaconnect.cinnox.offset.CursorFormat.LAST_SWEEP_AT;
import static io.kafkaconnect.cinnox.offset.CursorFormat.OFFSET;
import static io.kafkaconnect.cinnox.offset.CursorFormat.SWEEP_END;
import static io.kafkaconnect.cinnox.offset.CursorFormat.SWEEP_OFFSET;
import static io.kafkaconnect.cinnox.offset.CursorFormat.SWEEP_START;
import static io.kafkaconnect.cinnox.offset.CursorFormat.WINDOW_END;
import static io.kafkaconnect.cinnox.offset.CursorFormat.WINDOW_START;

import java.util.Map;

/**
 * The offset of a {@link DailyCursor} in the version 1 format ({@link CursorFormat}): the main window,
 * {@code tracked}, the sweep window, {@code lastSweepAt} and {@code done}; the other keys stay at their
 * fresh values.
 */
final class DailyCursorCodec {

    private DailyCursorCodec() {
    }

    static Map<String, Object> toOffset(DailyCursor cursor) {
        Map<String, Object> offset = CursorFormat.blank();
        CursorFormat.putWindow(offset, WINDOW_START, WINDOW_END, OFFSET, cursor.main());
        CursorFormat.putTracked(offset, cursor.tracked());
        CursorFormat.putWindow(offset, SWEEP_START, SWEEP_END, SWEEP_OFFSET, cursor.sweep());
        offset.put(LAST_SWEEP_AT, cursor.lastSweepAt());
        offset.put(DONE, cursor.done());
        return offset;
    }

    static DailyCursor fromOffset(Map<String, ?> offset) {
        return CursorFormat.read(offset, DailyCursor.fresh(), o -> new DailyCursor(
                CursorFormat.window(o, WINDOW_START, WINDOW_END, OFFSET), CursorFormat.tracked(o),
                CursorFormat.window(o, SWEEP_START, SWEEP_END, SWEEP_OFFSET), CursorFormat.number(o, LAST_SWEEP_AT),
                CursorFormat.flag(o, DONE)));
    }
}
