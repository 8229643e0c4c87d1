package io.kafkaconnect.cinnox.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a paged report from the first page until the last one (short page or 6451011), bounded by a
 * page count so that a misbehaving server cannot keep a caller looping.
 */
public final class Pager {

    /** One page fetch, typically a lambda over a {@link CinnoxClient} method. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(PageRequest request);
    }

    private Pager() {
    }

    /**
     * Fetches pages of {@code pageSize} records until {@link Page#isLast()}.
     *
     * @throws IllegalStateException when {@code maxPages} pages were read and none was the last
     */
    public static <T> List<T> readAll(PageFetcher<T> fetcher, int pageSize, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1: " + maxPages);
        }
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int read = 0; read < maxPages; read++) {
            Page<T> page = fetcher.fetch(request);
            all.addAll(page.records());
            if (page.isLast()) {
                return all;
            }
            request = page.nextRequest().orElseThrow();
        }
        throw new IllegalStateException("no last page after " + maxPages + " pages of " + pageSize + " records");
    }
}
