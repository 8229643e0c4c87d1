package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagerTest {

    private static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2023-11-07T00:00:00Z"),
            Instant.parse("2023-11-08T00:00:00Z"));
    private static final String QUERY = "/v1/api/apps/app-acme/data/call-detail?startAt=2023-11-07T00%3A00%3A00.000Z"
            + "&endAt=2023-11-08T00%3A00%3A00.000Z";

    private final MockApi api = new MockApi();
    private final CinnoxClient client = api.client();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsUntilAShortPage() {
        api.enqueue(200, rows(0, 3));
        api.enqueue(200, rows(3, 3));
        api.enqueue(200, rows(6, 2));

        List<CallDetail> all = Pager.readAll(p -> client.callDetails(WINDOW, p), 3, 10);

        assertEquals(IntStream.range(0, 8).mapToObj(i -> "c" + i).toList(), all.stream().map(CallDetail::id).toList());
        assertEquals(QUERY + "&offset=0&limit=3", api.take().getTarget());
        assertEquals(QUERY + "&offset=3&limit=3", api.take().getTarget());
        assertEquals(QUERY + "&offset=6&limit=3", api.take().getTarget());
        assertEquals(3, api.server.getRequestCount());
    }

    @Test
    void readsUntilNoRecordsFound() {
        api.enqueue(200, rows(0, 2));
        api.enqueue(200, rows(2, 2));
        api.enqueue(200, rows(4, 2));
        api.enqueue(404, MockApi.example("error-no-records.json"));

        List<CallDetail> all = Pager.readAll(p -> client.callDetails(WINDOW, p), 2, 10);

        assertEquals(6, all.size());
        assertEquals(4, api.server.getRequestCount());
    }

    @Test
    void stopsAtTheMaxPagesBound() {
        for (int i = 0; i < 3; i++) {
            api.enqueue(200, rows(i * 2, 2));
        }
        assertThrows(IllegalStateException.class, () -> Pager.readAll(p -> client.callDetails(WINDOW, p), 2, 3));
        assertEquals(3, api.server.getRequestCount());
    }

    @Test
    void pageKnowsItsSuccessor() {
        api.enqueue(200, rows(0, 2));
        Page<CallDetail> full = client.callDetails(WINDOW, PageRequest.first(2));
        assertEquals(PageRequest.of(2, 2), full.nextRequest().orElseThrow());
        api.enqueue(200, rows(2, 1));
        assertEquals(true, client.callDetails(WINDOW, PageRequest.of(2, 2)).nextRequest().isEmpty());
    }

    private static String rows(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "{\"id\":\"c" + i + "\",\"caller\":8520000000" + i + "}")
                .collect(Collectors.joining(",", "{\"code\":0,\"result\":[", "]}"));
    }
}
