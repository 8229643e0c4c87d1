package io.kafkaconnect.cinnox.client;

import java.util.List;

/**
 * The records array of one list answer as CINNOX sent it: the records, and how many of its elements were
 * JSON {@code null}, so that paging can advance by what the API counted rather than by what it kept.
 */
record RecordArray<T>(List<T> records, int nulls) {

    RecordArray {
        records = List.copyOf(records);
        if (nulls < 0) {
            throw new IllegalArgumentException("nulls must be >= 0: " + nulls);
        }
    }

    /** Elements of the array: records plus nulls. */
    int size() {
        return records.size() + nulls;
    }
}
