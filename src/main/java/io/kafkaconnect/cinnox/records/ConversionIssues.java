package io.kafkaconnect.cinnox.records;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what record conversion had to tolerate, so the task can expose it as metrics. Safe to read from
 * another thread while a task converts.
 */
public final class ConversionIssues {

    private final LongAdder unparsedTimestamps = new LongAdder();
    private final LongAdder unknownFields = new LongAdder();
    private final LongAdder recordsWithUnknownFields = new LongAdder();
    private final LongAdder unusableUrls = new LongAdder();

    /** Timestamps that were not RFC 3339: written as null, their text kept in {@code rawValues}. */
    public long unparsedTimestamps() {
        return unparsedTimestamps.sum();
    }

    /** Fields the schema does not know, at any depth, written to {@code unknownFields}. */
    public long unknownFields() {
        return unknownFields.sum();
    }

    /** Records that carried at least one unknown field. */
    public long recordsWithUnknownFields() {
        return recordsWithUnknownFields.sum();
    }

    /** Recording URLs that could not be parsed for redaction, written as null (never kept as raw text). */
    public long unusableUrls() {
        return unusableUrls.sum();
    }

    /** All values that were written as null because they could not be converted. */
    public long unconvertedValues() {
        return unparsedTimestamps.sum() + unusableUrls.sum();
    }

    public void unparsedTimestamp() {
        unparsedTimestamps.increment();
    }

    public void unknownFields(int count) {
        unknownFields.add(count);
        recordsWithUnknownFields.increment();
    }

    public void unusableUrl() {
        unusableUrls.increment();
    }

    @Override
    public String toString() {
        return "ConversionIssues[unparsedTimestamps=" + unparsedTimestamps() + ", unknownFields=" + unknownFields()
                + ", recordsWithUnknownFields=" + recordsWithUnknownFields() + ", unusableUrls=" + unusableUrls() + "]";
    }
}
