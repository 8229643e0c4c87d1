package io.kafkaconnect.cinnox.ledger;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link RescanState} into a unit's offset map and reads it back, under its own keys, so the
 * cursor codec of windowed units only delegates. Numbers are read through {@link Number}; missing keys
 * read as {@link RescanState#NONE}'s values.
 */
public final class RescanStateCodec {

    static final String PASS_TIER = "passTier";
    static final String PASS_END = "passEnd";
    static final String PASS_WINDOW_START = "passWindowStart";
    static final String PASS_WINDOW_END = "passWindowEnd";
    static final String PASS_OFFSET = "passOffset";
    static final String PASS_LAST_ROW = "passLastRow";
    static final String PASS_RESTARTS = "passRestarts";
    static final String SEED_UNTIL = "seedUntil";

    /** Every key this codec writes. */
    public static final Set<String> KEYS = Set.of(PASS_TIER, PASS_END, PASS_WINDOW_START, PASS_WINDOW_END, PASS_OFFSET,
            PASS_LAST_ROW, PASS_RESTARTS, SEED_UNTIL, lastKey(RescanTier.RECENT), lastKey(RescanTier.HORIZON),
            lastKey(RescanTier.LOOKBACK));

    private RescanStateCodec() {
    }

    public static void write(RescanState state, Map<String, Object> offset) {
        for (RescanTier tier : RescanTier.values()) {
            offset.put(lastKey(tier), state.lastAt().getOrDefault(tier, 0L));
        }
        offset.put(PASS_TIER, state.tier() == null ? "" : state.tier().label());
        offset.put(PASS_END, state.passEnd());
        offset.put(PASS_WINDOW_START, state.window().start());
        offset.put(PASS_WINDOW_END, state.window().end());
        offset.put(PASS_OFFSET, state.window().offset());
        offset.put(PASS_LAST_ROW, state.window().lastRow());
        offset.put(PASS_RESTARTS, state.window().restarts());
        offset.put(SEED_UNTIL, state.seedUntil());
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the key when a value has the wrong type
     */
    public static RescanState read(Map<String, ?> offset) {
        Map<RescanTier, Long> lastAt = new EnumMap<>(RescanTier.class);
        for (RescanTier tier : RescanTier.values()) {
            long at = number(offset, lastKey(tier));
            if (at > 0) {
                lastAt.put(tier, at);
            }
        }
        Object tierText = offset.get(PASS_TIER);
        if (tierText != null && !(tierText instanceof String)) {
            throw new IllegalArgumentException("'" + PASS_TIER + "' must be a string, got " + tierText);
        }
        RescanTier tier = tierText == null || ((String) tierText).isEmpty() ? null : RescanTier.ofLabel((String) tierText);
        PassWindow window = new PassWindow(number(offset, PASS_WINDOW_START), number(offset, PASS_WINDOW_END),
                number(offset, PASS_OFFSET), number(offset, PASS_LAST_ROW), Math.toIntExact(number(offset, PASS_RESTARTS)));
        return new RescanState(lastAt, tier, number(offset, PASS_END), window, number(offset, SEED_UNTIL));
    }

    static String lastKey(RescanTier tier) {
        return tier.label() + "At";
    }

    static long number(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + value);
        }
        return number.longValue();
    }
}
