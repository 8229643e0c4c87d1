package io.kafkaconnect.cinnox.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a windowed unit's cursor keeps for late data: the drift check of its main window (the last row of
 * the previous page, restarts of the window) and the re-scan state. Constant in size.
 *
 * @param lastRow key hash of the last row of the main window's previous page, 0 = none
 * @param restarts how often the main window was read again from 0 after rows moved
 * @param rescan the re-scan tiers and the pass in progress
 */
public record LateCursor(long lastRow, int restarts, RescanState rescan) {

    public static final LateCursor NONE = new LateCursor(0, 0, RescanState.NONE);

    static final String LAST_ROW = "lastRow";
    static final String RESTARTS = "restarts";

    /** Every offset key this cursor writes. */
    public static final Set<String> KEYS;

    static {
        java.util.Set<String> keys = new java.util.HashSet<>(RescanStateCodec.KEYS);
        keys.add(LAST_ROW);
        keys.add(RESTARTS);
        KEYS = Set.copyOf(keys);
    }

    public LateCursor {
        Objects.requireNonNull(rescan, "rescan");
        if (restarts < 0) {
            throw new IllegalArgumentException("Restarts must not be negative, got " + restarts);
        }
    }

    /** A new main window, or the same one read again: no row to check against. */
    public LateCursor newWindow() {
        return new LateCursor(0, 0, rescan);
    }

    public LateCursor withMain(long last, int mainRestarts) {
        return new LateCursor(last, mainRestarts, rescan);
    }

    public LateCursor withRescan(RescanState next) {
        return new LateCursor(lastRow, restarts, next);
    }

    public void write(Map<String, Object> offset) {
        offset.put(LAST_ROW, lastRow);
        offset.put(RESTARTS, restarts);
        RescanStateCodec.write(rescan, offset);
    }

    /** Reads what {@link #write} wrote; missing keys read as {@link #NONE}'s values. */
    public static LateCursor read(Map<String, ?> offset) {
        return new LateCursor(RescanStateCodec.number(offset, LAST_ROW),
                Math.toIntExact(RescanStateCodec.number(offset, RESTARTS)), RescanStateCodec.read(offset));
    }
}
