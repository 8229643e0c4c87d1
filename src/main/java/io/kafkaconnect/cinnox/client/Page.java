package io.kafkaconnect.cinnox.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fully read page of a paged report. The client takes it as the last page when the API said "No records
 * found" (6451011) or when its records array held fewer elements than the request's {@code limit}
 * ({@link PageLimits} decides for a task, since CINNOX may cap {@code limit} silently); null elements count
 * as elements, so that the next offset moves by what CINNOX returned.
 *
 * @param nullCount how many elements of the records array were JSON {@code null} (not in {@code records})
 */
public record Page<T>(List<T> records, int nullCount, PageRequest request, boolean last) {

    public Page {
        records = List.copyOf(records);
        Objects.requireNonNull(request, "request");
        if (nullCount < 0) {
            throw new IllegalArgumentException("nullCount must be >= 0: " + nullCount);
        }
    }

    /** A page built from what the API returned, without null elements. */
    public static <T> Page<T> of(List<T> records, PageRequest request) {
        return of(records, 0, request);
    }

    /** A page built from what the API returned; last when the array held fewer elements than requested. */
    public static <T> Page<T> of(List<T> records, int nullCount, PageRequest request) {
        return new Page<>(records, nullCount, request, records.size() + nullCount < request.limit());
    }

    /** The empty last page that stands for 6451011 "No records found" or an empty records array. */
    public static <T> Page<T> noRecords(PageRequest request) {
        return new Page<>(List.of(), 0, request, true);
    }

    public boolean isLast() {
        return last;
    }

    /** Records on this page (null elements excluded). */
    public int size() {
        return records.size();
    }

    /** Elements of the records array CINNOX returned, records and nulls: what the page offset advances by. */
    public int returnedCount() {
        return records.size() + nullCount;
    }

    /**
     * The {@code limit} this page was asked with. The client takes a page with fewer elements as the last one;
     * a task's {@link PageLimitsApi} corrects that when CINNOX may have capped the limit below it.
     */
    public int requestedLimit() {
        return request.limit();
    }

    /** The request for the following page (offset moved by {@link #returnedCount()}), or empty when last. */
    public Optional<PageRequest> nextRequest() {
        return last ? Optional.empty()
                : Optional.of(PageRequest.of(Math.addExact(request.offset(), returnedCount()), request.limit()));
    }
}
