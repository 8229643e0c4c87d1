package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only 6451011 or an empty records array mean "no records"; every other shape is an error, and nulls count. */
class StrictAnswerTest {

    private static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2023-11-07T00:00:00Z"),
            Instant.parse("2023-11-07T01:00:00Z"));

    private final MockApi api = new MockApi();
    private final CinnoxClient client = api.client();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anUnknownSuccessEnvelopeNamesTheEndpointAndItsKeys() {
        api.enqueue(200, "{\"code\":0,\"result\":{\"items\":[{\"id\":\"s1\"}]}}");
        UnexpectedAnswerException e = assertThrows(UnexpectedAnswerException.class,
                () -> client.smsDetails(WINDOW, PageRequest.first(10)));
        assertEquals("GET /data/sms-detail: HTTP 200, code 0: success answer without a records array"
                + " (keys: code, result, result.items)", e.getMessage());
        assertEquals(ApiEndpoint.report("sms-detail"), e.endpoint());
        assertInstanceOf(RetriableApiException.class, e);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"code\":0}", "{\"code\":0,\"result\":null}", "{\"code\":0,\"data\":\"x\"}",
            "{\"code\":200,\"message\":\"OK\"}", "{\"code\":\"0\",\"result\":{\"total\":3}}", "{\"result\":{}}",
            "{\"code\":0,\"result\":{\"result\":{\"result\":{\"list\":[{\"id\":\"x\"}]}}}}",
            "{\"code\":0,\"result\":[{\"id\":\"a\"},\"b\"]}", "[{\"id\":\"a\"},[{\"id\":\"b\"}]]", "[1,2,3]",
            "{\"code\":0,\"result\":[true]}", "[\"s1\"]"})
    void successWithoutARecordsArrayOfObjectsIsNeverAnEmptyPage(String body) {
        api.enqueue(200, body);
        UnexpectedAnswerException e = assertThrows(UnexpectedAnswerException.class,
                () -> client.smsDetails(WINDOW, PageRequest.first(10)));
        assertTrue(e.getMessage().startsWith("GET /data/sms-detail: HTTP 200"), e.getMessage());
        api.enqueue(200, body);
        assertThrows(UnexpectedAnswerException.class, () -> client.recordingFiles(RecordingOwner.call("c")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"code\":0,\"result\":[{\"id\":\"a\"}]} {\"x\":1}", "[{\"id\":\"a\"}]<html>",
            "{\"code\":0.0,\"result\":[{\"id\":\"a\"}]}", "{\"code\":99999999999,\"result\":[{\"id\":\"a\"}]}",
            "{\"code\":null,\"result\":[{\"id\":\"a\"}]}", "{\"code\":\"ok\",\"result\":[{\"id\":\"a\"}]}"})
    void aBodyThatIsNotOneValidEnvelopeYieldsNoRecords(String body) {
        api.enqueue(200, body);
        RetriableApiException e = assertThrows(RetriableApiException.class,
                () -> client.smsDetails(WINDOW, PageRequest.first(10)));
        assertTrue(e.getMessage().contains("unreadable body") || e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void anErrorCodeStillDecidesWhenTheArrayIsOdd() {
        api.enqueue(200, "{\"code\":6452000,\"message\":\"Invalid token\",\"result\":[1]}");
        assertThrows(FatalApiException.class, () -> client.smsDetails(WINDOW, PageRequest.first(10)));
        api.enqueue(404, "{\"result\":[\"x\"],\"code\":6451011}");
        assertTrue(client.smsDetails(WINDOW, PageRequest.first(10)).isLast());
    }

    @Test
    void nullElementsAreCountedNotDropped() {
        api.enqueue(200, "{\"code\":0,\"result\":[{\"id\":\"a\"},null,{\"id\":\"b\"}]}");
        Page<SmsDetail> page = client.smsDetails(WINDOW, PageRequest.of(30, 3));
        assertEquals(List.of("a", "b"), page.records().stream().map(SmsDetail::id).toList());
        assertEquals(2, page.size());
        assertEquals(1, page.nullCount());
        assertEquals(3, page.returnedCount());
        assertEquals(3, page.requestedLimit());
        assertFalse(page.isLast(), "three elements of three asked for");
        assertEquals(PageRequest.of(33, 3), page.nextRequest().orElseThrow());

        api.enqueue(200, "[null,null]");
        Page<SmsDetail> nulls = client.smsDetails(WINDOW, PageRequest.of(33, 3));
        assertTrue(nulls.records().isEmpty());
        assertEquals(2, nulls.returnedCount());
        assertTrue(nulls.isLast());
    }

    @ParameterizedTest(name = "limit {0}, {1} returned")
    @CsvSource({"500, 100, true", "100, 100, false", "100, 120, false"})
    void aShortPageIsShortAgainstTheLimitAskedFor(int limit, int returned, boolean last) {
        StringBuilder rows = new StringBuilder("{\"code\":0,\"result\":[");
        for (int i = 0; i < returned; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\"}");
        }
        api.enqueue(200, rows.append("]}").toString());
        Page<SmsDetail> page = client.smsDetails(WINDOW, PageRequest.first(limit));
        assertEquals(limit, page.requestedLimit());
        assertEquals(returned, page.returnedCount());
        assertEquals(last, page.isLast());
        if (!last) {
            assertEquals(returned, page.nextRequest().orElseThrow().offset());
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"code\":0}", "{\"code\":0,\"msg\":\"ok\"}", "{\"code\":0,\"result\":{\"items\":[]}}", "[]",
            "{\"code\":0,\"data\":\"x\"}"})
    void anOverviewWithoutAKnownFieldIsAnError(String body) {
        api.enqueue(200, body);
        UnexpectedAnswerException e = assertThrows(UnexpectedAnswerException.class, () -> client.enquiryOverview(WINDOW));
        assertTrue(e.getMessage().startsWith("GET /data/enquiry-overview: HTTP 200"), e.getMessage());
    }

    @Test
    void anOverviewWithOneKnownFieldIsRead() {
        api.enqueue(200, "{\"code\":0,\"result\":{\"closedEnquiries\":2,\"other\":1}}");
        EnquiryOverview overview = client.enquiryOverview(WINDOW);
        assertEquals(2L, overview.closedEnquiries());
        assertEquals(1, overview.extra().get("other"));
    }

    @Test
    void aPatchWithASuccessCodeMayEchoNothing() {
        api.enqueue(200, "{\"code\":0}");
        EventSubscription echoed = client.updateEnquiryEventSubscription(true, "https://h.example/x");
        assertEquals(true, echoed.enabled());
        api.enqueue(200, "{}");
        assertThrows(UnexpectedAnswerException.class, () -> client.updateEnquiryEventSubscription(true, "https://h.example/x"));
    }
}
