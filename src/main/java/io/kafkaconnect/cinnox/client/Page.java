package io.kafkaconnect.cinnox.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fully read page of a paged report. It is the last page when it is short or when the API said
 * "No records found" (6451011).
 */
public record Page<T>(List<T> records, PageRequest request, boolean last) {

    public Page {
        records = List.copyOf(records);
        Objects.requireNonNull(request, "request");
    }

    /** A page built from what the API returned; last when fewer records than requested came back. */
    public static <T> Page<T> of(List<T> records, PageRequest request) {
        return new Page<>(records, request, records.size() < request.limit());
    }

    /** The empty last page that stands for 6451011 "No records found". */
    public static <T> Page<T> noRecords(PageRequest request) {
        return new Page<>(List.of(), request, true);
    }

    public boolean isLast() {
        return last;
    }

    public int size() {
        return records.size();
    }

    /** The request for the following page, or empty when this page is the last. */
    public Optional<PageRequest> nextRequest() {
        return last ? Optional.empty() : Optional.of(request.next());
    }
}
