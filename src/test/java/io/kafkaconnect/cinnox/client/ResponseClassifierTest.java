package io.kafkaconnect.cinnox.client;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code of the SPEC error table, and every transport failure, to its typed outcome. */
class ResponseClassifierTest {

    private static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2023-11-07T00:00:00Z"),
            Instant.parse("2023-11-07T01:00:00Z"));
    private static final Instant NEXT_MINUTE = Instant.parse("2023-11-07T10:16:00Z");

    private final MockApi api = new MockApi();
    private final CinnoxClient client = api.client();

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<Arguments> errorCodes() {
        return Stream.of(
                Arguments.of(6451001, "Bad response from the service", RetriableApiException.class, null),
                Arguments.of(6451010, "Too many requests", RateLimitedException.class, null),
                Arguments.of(6451013, "Requested chat logs over the limit", ChatOverLimitException.class, null),
                Arguments.of(6451000, "Exceed maximum query day 90", WindowTooWideException.class, null),
                Arguments.of(6451000, "exceed maximum limit 1000", FatalApiException.class, FatalApiException.Reason.PAGE_LIMIT_TOO_LARGE),
                Arguments.of(6451000, "endAt is prior to startAt", FatalApiException.class, FatalApiException.Reason.BAD_PARAMETER),
                Arguments.of(6451000, "Bad query", FatalApiException.class, FatalApiException.Reason.BAD_PARAMETER),
                Arguments.of(6451000, "Unknown data type", FatalApiException.class, FatalApiException.Reason.BAD_PARAMETER),
                Arguments.of(6451000, "invalid query: foo, bar", FatalApiException.class, FatalApiException.Reason.BAD_PARAMETER),
                Arguments.of(6451000, "Invalid channel type", FatalApiException.class, FatalApiException.Reason.BAD_PARAMETER),
                Arguments.of(6452000, "Invalid token", FatalApiException.class, FatalApiException.Reason.INVALID_TOKEN),
                Arguments.of(6452001, "Invalid appID", FatalApiException.class, FatalApiException.Reason.INVALID_APP),
                Arguments.of(6450001, "method not found, method: GET url: /x", FatalApiException.class, FatalApiException.Reason.METHOD_NOT_FOUND),
                Arguments.of(400, "Bad request", FatalApiException.class, FatalApiException.Reason.BAD_REQUEST),
                Arguments.of(3000203, "Tag not found", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(3000205, "Destination not found", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(6451014, "App name is conflict", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(7210101, "bad request", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(7210102, "anonymous user invalid", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(7210103, "senderNumber invalid format", FatalApiException.class, FatalApiException.Reason.UNKNOWN),
                Arguments.of(7210104, "RecipientNumber invalid format", FatalApiException.class, FatalApiException.Reason.UNKNOWN));
    }

    @ParameterizedTest(name = "code {0} ({1})")
    @MethodSource("errorCodes")
    void bodyCodeDecidesWhateverTheHttpStatus(int code, String message, Class<? extends CinnoxApiException> type,
                                              FatalApiException.Reason reason) {
        for (int status : new int[] {400, 401, 404, 409, 200}) {
            api.enqueue(status, "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
            CinnoxApiException e = assertThrows(type, () -> client.callDetails(WINDOW, PageRequest.first(10)));
            assertEquals(code, e.apiCode());
            assertEquals(status, e.httpStatus());
            assertEquals(ApiEndpoint.report("call-detail"), e.endpoint());
            assertEquals("GET /data/call-detail: HTTP " + status + ", code " + code + " (" + message + ")", e.getMessage());
            if (reason != null) {
                assertEquals(reason, ((FatalApiException) e).reason());
            }
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 200, 400})
    void noRecordsIsAnEmptyLastPage(int status) {
        api.enqueue(status, MockApi.example("error-no-records.json"));
        Page<?> page = client.smsDetails(WINDOW, PageRequest.of(1000, 500));
        assertTrue(page.isLast());
        assertTrue(page.records().isEmpty());
        assertEquals(PageRequest.of(1000, 500), page.request());
    }

    @Test
    void emptyArraysAreEmptyLastPages() {
        for (String body : new String[] {"[]", "{\"code\":0,\"result\":[]}", "{\"code\":0,\"result\":{\"list\":[]}}"}) {
            api.enqueue(200, body);
            Page<?> page = client.enquiryDetails(WINDOW, PageRequest.first(10));
            assertTrue(page.isLast(), body);
            assertTrue(page.records().isEmpty(), body);
        }
        api.enqueue(404, MockApi.example("error-no-records.json"));
        assertTrue(client.recordingFiles(RecordingOwner.call("c")).isEmpty());
    }

    @Test
    void windowTooWideCarriesTheDayLimit() {
        api.enqueue(400, MockApi.example("error.json"));
        WindowTooWideException e = assertThrows(WindowTooWideException.class, () -> client.callLogs(WINDOW, PageRequest.first(5)));
        assertEquals(OptionalInt.of(90), e.maxDays());
        api.enqueue(400, "{\"code\":6451000,\"message\":\"Exceed maximum query day %d\"}");
        assertEquals(OptionalInt.empty(),
                assertThrows(WindowTooWideException.class, () -> client.callLogs(WINDOW, PageRequest.first(5))).maxDays());
    }

    @Test
    void rateLimitWithoutRetryAfterWaitsForTheNextMinute() {
        api.enqueue(429, MockApi.example("error-rate-limited.json"));
        assertEquals(NEXT_MINUTE, rateLimited().retryAt());
        api.server.enqueue(new MockResponse.Builder().code(429).build());
        assertEquals(NEXT_MINUTE, rateLimited().retryAt());
        api.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "soon").build());
        assertEquals(NEXT_MINUTE, rateLimited().retryAt());
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        api.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body(MockApi.example("error-rate-limited.json")).build());
        assertEquals(MockApi.NOW.plusSeconds(7), rateLimited().retryAt());
        api.server.enqueue(new MockResponse.Builder().code(200).addHeader("Retry-After", "Tue, 07 Nov 2023 10:20:00 GMT")
                .body(MockApi.example("error-rate-limited.json")).build());
        assertEquals(Instant.parse("2023-11-07T10:20:00Z"), rateLimited().retryAt());
    }

    @Test
    void rateLimitReadsRetryAfterEvenOnA503() {
        api.server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "5")
                .body(MockApi.example("error-rate-limited.json")).build());
        assertEquals(MockApi.NOW.plusSeconds(5), rateLimited().retryAt());
        assertEquals(1, api.server.getRequestCount());
    }

    private RateLimitedException rateLimited() {
        return assertThrows(RateLimitedException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
    }

    @Test
    void serverErrorsWithoutACodeAreRetriable() {
        api.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>").build());
        RetriableApiException e = assertThrows(RetriableApiException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
        assertEquals(503, e.httpStatus());
        assertNull(e.apiCode());
        assertTrue(e.getMessage().startsWith("GET /data/call-detail: HTTP 503"), e.getMessage());
        api.enqueue(500, "");
        assertThrows(RetriableApiException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
        api.enqueue(502, "{\"code\":");
        assertThrows(RetriableApiException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
        api.enqueue(408, "");
        assertThrows(RetriableApiException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
    }

    @Test
    void statusDecidesWhenTheBodyHasNoCode() {
        assertFatal(401, "", FatalApiException.Reason.INVALID_TOKEN);
        assertFatal(404, "<html>Not Found</html>", FatalApiException.Reason.METHOD_NOT_FOUND);
        assertFatal(400, "{\"message\":\"nope\"}", FatalApiException.Reason.BAD_REQUEST);
        assertFatal(403, "", FatalApiException.Reason.UNKNOWN);
        api.server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", api.server.url("/elsewhere")).build());
        assertThrows(FatalApiException.class, () -> client.channelTypes());
        api.enqueue(429, "");
        assertThrows(RateLimitedException.class, () -> client.channelTypes());
        assertEquals(6, api.server.getRequestCount());
    }

    @Test
    void unknownCodesFollowTheStatusHint() {
        api.enqueue(503, "{\"code\":999,\"message\":\"maintenance\"}");
        assertThrows(RetriableApiException.class, () -> client.channelTypes());
        api.enqueue(200, "{\"code\":503,\"message\":\"busy\"}");
        assertThrows(RetriableApiException.class, () -> client.channelTypes());
        api.enqueue(200, "{\"code\":429,\"message\":\"slow down\"}");
        assertThrows(RateLimitedException.class, () -> client.channelTypes());
    }

    private void assertFatal(int status, String body, FatalApiException.Reason reason) {
        api.enqueue(status, body);
        FatalApiException e = assertThrows(FatalApiException.class, () -> client.channelTypes());
        assertEquals(reason, e.reason());
        assertEquals(status, e.httpStatus());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<html>oops</html>", "{\"code\":0,\"result\":[{\"id\":\"a\"},{\"id\":", "{\"code\":0,\"result\":[{\"id\":\"a\"}",
            "{\"code\":0,\"result\":[{\"id\":\"a\"}]", "\"just a string\"", "{\"code\":0,\"result\":[{\"id\":[}]}",
            "{\"code\":0,\"result\":[{\"labelIDs\":{\"a\":1}}]}", "{}", ""})
    void malformedOrTruncatedSuccessBodiesAreRetriable(String body) {
        api.enqueue(200, body);
        RetriableApiException e = assertThrows(RetriableApiException.class, () -> client.enquiryDetails(WINDOW, PageRequest.first(10)));
        assertEquals(200, e.httpStatus());
    }

    @Test
    void bodyCutOffMidStreamIsRetriableAndReturnsNothing() {
        String rows = IntStream.range(0, 2000).mapToObj(i -> "{\"hid\":\"h" + i + "\",\"status\":\"Call Ended\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        api.server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":0,\"result\":[" + rows + "]}")
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        RetriableApiException e = assertThrows(RetriableApiException.class, () -> client.callLogs(WINDOW, PageRequest.first(500)));
        assertEquals(200, e.httpStatus());
    }

    @Test
    void connectionDropIsRetriable() {
        api.server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        RetriableApiException e = assertThrows(RetriableApiException.class, () -> client.smsDetails(WINDOW, PageRequest.first(10)));
        assertEquals(0, e.httpStatus());
        assertTrue(e.getMessage().startsWith("GET /data/sms-detail: no HTTP response"), e.getMessage());
        assertEquals(1, api.server.getRequestCount());
    }

    @Test
    void readTimeoutIsRetriable() {
        CinnoxClient impatient = new CinnoxClient(api.settings().readTimeout(Duration.ofMillis(200)).build());
        api.server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("[]").build());
        RetriableApiException e = assertThrows(RetriableApiException.class, () -> impatient.channelTypes());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, api.server.getRequestCount());
    }

    @Test
    void serviceUnavailableWithRetryAfterZeroIsNotRepeatedByOkHttp() {
        api.server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
        api.enqueue(200, "[]");
        assertThrows(RetriableApiException.class, () -> client.channelTypes());
        assertEquals(1, api.server.getRequestCount());
    }

    @Test
    void messagesNeverContainTheTokenOrARecordingUrl() {
        api.enqueue(401, "{\"code\":6452000,\"message\":\"Invalid token " + MockApi.TOKEN + "\"}");
        FatalApiException e = assertThrows(FatalApiException.class, () -> client.callDetails(WINDOW, PageRequest.first(10)));
        assertFalse(e.getMessage().contains(MockApi.TOKEN));
        assertFalse(e.apiMessage().contains(MockApi.TOKEN));
        assertFalse(e.toString().contains(MockApi.TOKEN));
        assertTrue(e.getMessage().contains("Invalid token [hidden]"), e.getMessage());

        String url = "https://storage.example-cinnox-cdn.com/rec/x.mp3?X-Signature=8b1f0c";
        assertNoUrl(url, () -> client.recordingFiles(RecordingOwner.call("c")), "{\"code\":0,\"result\":[{\"fileURL\":\"" + url);
        assertNoUrl(url, () -> client.recordingFiles(RecordingOwner.call("c")), "[{\"fileURL\":" + url + "}]");
        assertNoUrl(url, () -> client.recordingFiles(RecordingOwner.call("c")), "[{\"fileURL\":{\"u\":\"" + url + "\"}, \"duration\":\"" + url + "\"}]");
    }

    private void assertNoUrl(String url, Executable call, String body) {
        api.enqueue(200, body);
        RetriableApiException e = assertThrows(RetriableApiException.class, call);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("storage.example-cinnox-cdn.com"), t.toString());
        }
    }
}
