package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CinnoxClientTest {

    private static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2023-11-07T00:00:00Z"),
            Instant.parse("2023-11-07T01:00:00Z"));
    private static final String WINDOW_QUERY = "startAt=2023-11-07T00%3A00%3A00.000Z&endAt=2023-11-07T01%3A00%3A00.000Z";
    private static final String PREFIX = "/v1/api/apps/app-acme/";
    private static final PageRequest PAGE = PageRequest.of(500, 500);
    private static final String PAGE_QUERY = "offset=500&limit=500";

    private final MockApi api = new MockApi();
    private final CinnoxClient client = api.client();

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                call("enquiry-detail.json", c -> c.enquiryDetails(WINDOW, PAGE).records(), 3,
                        "data/enquiry-detail?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("enquiry-chat.json", c -> c.enquiryChat("E231107-00042", PAGE).records(), 4,
                        "data/enquiry-chat?enquiryID=E231107-00042&" + PAGE_QUERY),
                call("call-detail.json", c -> c.callDetails(WINDOW, PAGE).records(), 2,
                        "data/call-detail?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("call-log.json", c -> c.callLogs(WINDOW, PAGE).records(), 2,
                        "data/call-log?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("conference-detail.json", c -> c.conferenceDetails(WINDOW, PAGE).records(), 1,
                        "data/conference-detail?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("recording-file.json", c -> c.recordingFiles(RecordingOwner.call("call-1")), 2,
                        "data/recording-file?callID=call-1"),
                call("recording-file.json", c -> c.recordingFiles(RecordingOwner.conference("conf-1")), 2,
                        "data/recording-file?conferenceID=conf-1"),
                call("sms-detail.json", c -> c.smsDetails(WINDOW, PAGE).records(), 2,
                        "data/sms-detail?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("enquiry-overview.json", c -> List.of(c.enquiryOverview(WINDOW)), 1,
                        "data/enquiry-overview?" + WINDOW_QUERY),
                call("channel-type-list.json", CinnoxClient::channelTypes, 11, "data/channel-type-list"),
                call("channel-type-detail.json", c -> c.channelTypeDetails("WHATSAPP", PAGE).records(), 2,
                        "data/channel-type-detail?channelType=WHATSAPP&" + PAGE_QUERY),
                call("sent-campaigns-summary.json", c -> c.sentCampaignsSummary(WINDOW, PAGE).records(), 2,
                        "data/sent-campaigns-summary?" + WINDOW_QUERY + "&" + PAGE_QUERY),
                call("sent-campaigns-detail.json", c -> c.sentCampaignsDetails("cmp-hist-65497a10f1", PAGE).records(), 2,
                        "data/sent-campaigns-detail?historyID=cmp-hist-65497a10f1&" + PAGE_QUERY));
    }

    private static Arguments call(String fixture, Function<CinnoxClient, List<?>> call, int count, String target) {
        return Arguments.of(fixture + " " + target.split("\\?")[0], fixture, call, count, PREFIX + target);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void sendsMethodPathQueryAndHeaders(String name, String fixture, Function<CinnoxClient, List<?>> call,
                                        int count, String target) {
        api.enqueue(200, MockApi.example(fixture));

        List<?> records = call.apply(client);

        assertEquals(count, records.size());
        RecordedRequest request = api.take();
        assertEquals("GET", request.getMethod());
        assertEquals(target, request.getTarget());
        assertEquals("Bearer " + MockApi.TOKEN, request.getHeaders().get("Authorization"));
        assertEquals("application/json", request.getHeaders().get("accept"));
        assertEquals(1, api.server.getRequestCount());
    }

    @Test
    void patchesTheEnquiryEventSubscription() {
        api.enqueue(200, MockApi.example("inquiry-event-sub-response.json"));

        EventSubscription subscription = client.updateEnquiryEventSubscription(true, "https://hooks.example.org/cinnox/enquiry");

        assertEquals(true, subscription.enabled());
        assertEquals("2023-11-07T05:12:40.233Z", subscription.updatedAt());
        RecordedRequest request = api.take();
        assertEquals("PATCH", request.getMethod());
        assertEquals(PREFIX + "inquiry-event-sub", request.getTarget());
        assertEquals("Bearer " + MockApi.TOKEN, request.getHeaders().get("Authorization"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals("{\"enabled\":true,\"url\":\"https://hooks.example.org/cinnox/enquiry\"}",
                request.getBody().string(StandardCharsets.UTF_8));
    }

    @Test
    void deletesWithEnabledFalseAndReadsAFlattenedResponse() {
        api.enqueue(200, "{\"code\":0,\"enabled\":false,\"url\":\"https://h.example/x\",\"updatedAt\":\"2023-11-07T05:12:40Z\",\"note\":\"gone\"}");

        EventSubscription subscription = client.updateEnquiryEventSubscription(false, "https://h.example/x");

        assertEquals(false, subscription.enabled());
        assertEquals("https://h.example/x", subscription.url());
        assertEquals("gone", subscription.extra().get("note"));
        assertFalse(subscription.extra().containsKey("code"));
        assertEquals("{\"enabled\":false,\"url\":\"https://h.example/x\"}", api.take().getBody().string(StandardCharsets.UTF_8));
    }

    @Test
    void encodesColonAndPlusInTheQuery() {
        api.enqueue(200, "[]");
        TimeWindow plus8 = TimeWindow.of(ApiTimestamps.parse("2023-11-07T08:00:00.000+08:00").orElseThrow(),
                ApiTimestamps.parse("2023-11-07T09:30:00+08:00").orElseThrow());
        client.callDetails(plus8, PageRequest.first(10));
        assertEquals(PREFIX + "data/call-detail?startAt=2023-11-07T00%3A00%3A00.000Z&endAt=2023-11-07T01%3A30%3A00.000Z"
                + "&offset=0&limit=10", api.take().getTarget());

        api.enqueue(200, "[]");
        client.enquiryChat("case+1:2 &x", PageRequest.first(10));
        assertEquals(PREFIX + "data/enquiry-chat?enquiryID=case%2B1%3A2%20%26x&offset=0&limit=10", api.take().getTarget());
    }

    @Test
    void toleratesTrailingSlashAndPathPrefixInTheBaseUrl() {
        CinnoxClient prefixed = new CinnoxClient(api.settings().baseUrl(api.server.url("/proxy/cinnox/").toString()).build());
        api.enqueue(200, "[]");
        prefixed.channelTypes();
        assertEquals("/proxy/cinnox/v1/api/apps/app-acme/data/channel-type-list", api.take().getTarget());

        String noSlash = api.server.url("/").toString().replaceAll("/$", "");
        CinnoxClient plain = new CinnoxClient(api.settings().baseUrl(noSlash).build());
        api.enqueue(200, "[]");
        plain.channelTypes();
        assertEquals(PREFIX + "data/channel-type-list", api.take().getTarget());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void acceptsEveryEnvelope(String name, String body) {
        api.enqueue(200, body);
        Page<CallLogEntry> page = client.callLogs(WINDOW, PageRequest.first(2));
        assertEquals(List.of("h1", "h2"), page.records().stream().map(CallLogEntry::hid).toList());
        assertFalse(page.isLast());
    }

    static Stream<Arguments> envelopes() {
        String rows = "[{\"hid\":\"h1\"},{\"hid\":\"h2\"}]";
        return Stream.of(
                Arguments.of("result", "{\"code\":0,\"result\":" + rows + "}"),
                Arguments.of("data", "{\"code\":0,\"data\":" + rows + "}"),
                Arguments.of("records", "{\"records\":" + rows + ",\"code\":0}"),
                Arguments.of("list", "{\"list\":" + rows + "}"),
                Arguments.of("bare array", rows),
                Arguments.of("code 200", "{\"code\":200,\"message\":\"OK\",\"result\":" + rows + "}"),
                Arguments.of("code as string", "{\"code\":\"0\",\"result\":" + rows + "}"),
                Arguments.of("nested", "{\"code\":0,\"result\":{\"total\":2,\"list\":" + rows + "}}"),
                Arguments.of("extra envelope fields", "{\"meta\":{\"a\":[1,2]},\"code\":0,\"data\":" + rows + ",\"total\":2}"));
    }

    @Test
    void readsOverviewInEveryObjectEnvelope() {
        for (String body : List.of(
                "{\"code\":0,\"result\":{\"totalEnquiries\":5}}",
                "{\"code\":0,\"data\":{\"totalEnquiries\":5}}",
                "{\"code\":0,\"totalEnquiries\":5}",
                "{\"totalEnquiries\":5}",
                "[{\"totalEnquiries\":5}]")) {
            api.enqueue(200, body);
            EnquiryOverview overview = client.enquiryOverview(WINDOW);
            assertEquals(5L, overview.totalEnquiries(), body);
            assertTrue(overview.extra().isEmpty(), body);
        }
    }

    @Test
    void overviewWithoutRecordsHasZeroCounts() {
        api.enqueue(404, MockApi.example("error-no-records.json"));
        EnquiryOverview overview = client.enquiryOverview(WINDOW);
        assertEquals(0L, overview.totalEnquiries());
        assertEquals("2023-11-07T00:00:00.000Z", overview.startAt());
        assertNull(overview.averageWaitingTime());
    }

    @Test
    void keepsUnknownFieldsAndReadsPhoneNumbersGivenAsJsonNumbers() {
        api.enqueue(200, "{\"code\":0,\"result\":[{\"id\":\"c1\",\"caller\":85230018888,\"callee\":6591234567,"
                + "\"isRecording\":true,\"newField\":{\"x\":[1,\"二\"]},\"score\":4.5}]}");
        CallDetail call = client.callDetails(WINDOW, PageRequest.first(10)).records().get(0);
        assertEquals("85230018888", call.caller());
        assertEquals("6591234567", call.callee());
        assertEquals(true, call.isRecording());
        assertEquals(4.5, call.extra().get("score"));
        assertEquals(java.util.Map.of("x", List.of(1, "二")), call.extra().get("newField"));

        api.enqueue(200, "[{\"id\":\"s1\",\"sender\":85230018888,\"recipient\":\"+85291234567\"}]");
        SmsDetail sms = client.smsDetails(WINDOW, PageRequest.first(10)).records().get(0);
        assertEquals("85230018888", sms.sender());
        assertEquals("+85291234567", sms.recipient());

        api.enqueue(200, "[{\"hid\":\"h\",\"virtualNumber\":85230018888,\"callerInfo\":{\"phoneNumber\":6591234567,\"x\":1}}]");
        CallLogEntry log = client.callLogs(WINDOW, PageRequest.first(10)).records().get(0);
        assertEquals("85230018888", log.virtualNumber());
        assertEquals("6591234567", log.callerInfo().phoneNumber());
        assertEquals(1, log.callerInfo().extra().get("x"));
    }

    @Test
    void acceptsTheOlderUnderscoreId() {
        api.enqueue(200, "[{\"_id\":\"e-old\"}]");
        EnquiryDetail enquiry = client.enquiryDetails(WINDOW, PageRequest.first(10)).records().get(0);
        assertEquals("e-old", enquiry.id());
    }

    @Test
    void recordingFileToStringHidesTheUrl() {
        api.enqueue(200, MockApi.example("recording-file.json"));
        RecordingFile file = client.recordingFiles(RecordingOwner.call("call-2f71c9d0")).get(0);
        assertTrue(file.fileURL().startsWith("https://storage.example-cinnox-cdn.com/"));
        assertFalse(file.toString().contains("storage.example-cinnox-cdn.com"), file.toString());
        assertFalse(file.toString().contains("X-Signature"));
        assertTrue(file.toString().contains("recf-0f6e3b2a91"));
    }
}
