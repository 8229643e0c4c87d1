package io.kafkaconnect.cinnox.ledger;

/**
 * The re-scan passes, most urgent first. Each re-reads a band of already-read event time at its own pace:
 * the last hour often (most late rows are calls of a few minutes), the late-row horizon now and then (long
 * calls), and beyond it, up to the lookback, only buckets that still hold rows that may change.
 */
public enum RescanTier {
    RECENT("recent"),
    HORIZON("horizon"),
    LOOKBACK("lookback");

    private final String label;

    RescanTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads {@link #label()}; throws IllegalArgumentException for an unknown one. */
    public static RescanTier ofLabel(String label) {
        for (RescanTier tier : values()) {
            if (tier.label.equals(label)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("Unknown re-scan tier '" + label + "'");
    }
}
