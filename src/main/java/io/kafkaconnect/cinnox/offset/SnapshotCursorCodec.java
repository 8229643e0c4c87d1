package io.kafkaconnect.cinnox.offset;

import static io.kafkaconnect.cinnox.offset.CursorFormat.LAST_SNAPSHOT_AT;

import java.util.Map;

/**
 * The offset of a {@link SnapshotCursor} in the version 1 format ({@link CursorFormat}): the child work
 * (channel types), {@code tracked} and {@code lastSnapshotAt}; the other keys stay at their fresh values.
 */
final class SnapshotCursorCodec {

    private SnapshotCursorCodec() {
    }

    static Map<String, Object> toOffset(SnapshotCursor cursor) {
        Map<String, Object> offset = CursorFormat.blank();
        CursorFormat.putChildren(offset, cursor.children());
        CursorFormat.putTracked(offset, cursor.tracked());
        offset.put(LAST_SNAPSHOT_AT, cursor.lastSnapshotAt());
        return offset;
    }

    static SnapshotCursor fromOffset(Map<String, ?> offset) {
        return CursorFormat.read(offset, SnapshotCursor.fresh(), o -> new SnapshotCursor(CursorFormat.children(o),
                CursorFormat.tracked(o), CursorFormat.number(o, LAST_SNAPSHOT_AT)));
    }
}
