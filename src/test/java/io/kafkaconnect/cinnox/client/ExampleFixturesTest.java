package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report example of the API spec parses into its model, with nested and Unicode values intact. */
class ExampleFixturesTest {

    private final EnvelopeReader reader = new EnvelopeReader(EnvelopeReader.defaultMapper());

    private <T> List<T> list(String fixture, Class<T> type) throws IOException {
        ResponseBody<RecordArray<T>> body = reader.readList(stream(fixture), type);
        assertEquals(0, body.code());
        assertNotNull(body.payload());
        assertEquals(0, body.payload().nulls());
        List<T> records = body.payload().records();
        records.forEach(row -> assertTrue(extraOf(row).isEmpty(), () -> fixture + " left unmapped fields: " + row));
        return records;
    }

    private <T> T object(String fixture, Class<T> type) throws IOException {
        ResponseBody<T> body = reader.readObject(stream(fixture), type);
        assertEquals(0, body.code());
        assertTrue(extraOf(body.payload()).isEmpty(), () -> fixture + " left unmapped fields");
        return body.payload();
    }

    private static ByteArrayInputStream stream(String fixture) {
        return new ByteArrayInputStream(MockApi.example(fixture).getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.Map<?, ?> extraOf(Object record) {
        try {
            return (java.util.Map<?, ?>) record.getClass().getMethod("extra").invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void enquiryDetail() throws IOException {
        List<EnquiryDetail> rows = list("enquiry-detail.json", EnquiryDetail.class);
        assertEquals(3, rows.size());
        EnquiryDetail first = rows.get(0);
        assertEquals("6549c1f2a7e14b0012d3e8a1", first.id());
        assertEquals("acme-hk.cinnox.com", first.svcID());
        assertEquals("Kowloon City", first.locationDetail().city());
        assertEquals(List.of("lbl-vip", "lbl-pricing"), first.labelIDs());
        assertEquals(734L, first.enquiryDuration());
        assertEquals(Optional.of(Instant.parse("2023-11-07T01:15:42.318Z")), ApiTimestamps.parse(first.createdAt()));
        assertEquals("林小姐 🌸", rows.get(1).visitorName());
        assertEquals("客服中心 Support", rows.get(1).destinationName());
        assertEquals("zh-TW:繁體中文", rows.get(1).language());
        assertEquals("PHONE", rows.get(2).destinationType());
    }

    @Test
    void enquiryChat() throws IOException {
        List<ChatMessage> rows = list("enquiry-chat.json", ChatMessage.class);
        assertEquals(4, rows.size());
        ChatMessage second = rows.get(1);
        assertEquals(2L, second.seq());
        assertEquals("你好，我想查詢企業方案的價錢 😊\n\"Pro\" plan vs 'Enterprise'?", second.content().msg().text());
        assertEquals(1, second.content().msg().type());
        assertEquals("sess-91af03", second.content().from().session());
        assertEquals("ce1f0a9b-3b1e-4c57-9a41-2f8d6a0b7c11", second.content().to().inquiry());
        assertEquals(1699319760112L, second.content().ts());
        assertEquals(true, rows.get(2).content().from().system());
        assertEquals("2", rows.get(3).content().replySeqs());
        assertEquals("TYPE_FILE", rows.get(3).msgContentType());
    }

    @Test
    void callDetail() throws IOException {
        List<CallDetail> rows = list("call-detail.json", CallDetail.class);
        assertEquals(2, rows.size());
        assertEquals("call-2f71c9d0-7e55-4b0a-9c11-0a3b6e1f4d22", rows.get(0).callID());
        assertEquals("+6591234567", rows.get(0).callee());
        assertEquals(true, rows.get(0).isRecording());
        assertEquals("20231107", rows.get(0).date());
        assertEquals(false, rows.get(1).isRecording());
        assertEquals("Not Answered", rows.get(1).status());
    }

    @Test
    void callLog() throws IOException {
        List<CallLogEntry> rows = list("call-log.json", CallLogEntry.class);
        assertEquals(277.0, rows.get(0).callDuration());
        assertEquals("Mary Wong", rows.get(0).callerInfo().displayName());
        assertEquals(true, rows.get(0).callerInfo().isStaff());
        assertEquals("+6591234567", rows.get(0).calleeInfo().phoneNumber());
        assertEquals("conference", rows.get(1).type());
        assertEquals("", rows.get(1).inquiryID());
    }

    @Test
    void conferenceDetail() throws IOException {
        ConferenceDetail conference = list("conference-detail.json", ConferenceDetail.class).get(0);
        assertEquals("conf-4d2a90e1-aa3c-4e0f-b1d2-77c0e5f6a8b9", conference.conferenceID());
        assertEquals("Weekly pipeline review — Q4 / 第四季", conference.conferenceDetail().subject());
        assertEquals(4, conference.conferenceDetail().participants().size());
        assertEquals("owner", conference.conferenceDetail().participants().get(0).roomRole());
        assertEquals("rejected", conference.conferenceDetail().participants().get(2).joinStatus());
        assertEquals("call-leg-6f0e2c1a", conference.callConferenceList().get(0).content().callID());
        assertEquals("stf-6a0b11e7c9", conference.callConferenceList().get(0).content().to().eid());
        assertEquals(31.0, conference.callDurationMin());
    }

    @Test
    void recordingFile() throws IOException {
        List<RecordingFile> rows = list("recording-file.json", RecordingFile.class);
        assertEquals(2, rows.size());
        assertEquals(2216448L, rows.get(0).fileSize());
        assertEquals("rec_call-2f71c9d0_2.mp3", rows.get(1).fileName());
        assertTrue(rows.get(1).fileURL().endsWith("X-Signature=41aa9d"));
    }

    @Test
    void smsDetail() throws IOException {
        List<SmsDetail> rows = list("sms-detail.json", SmsDetail.class);
        assertEquals("+85291234567", rows.get(0).recipient());
        assertEquals(true, rows.get(0).isSenderStaff());
        assertEquals(2, rows.get(1).segmentCount());
        assertEquals("您的驗證碼是 482913，五分鐘內有效。請勿將此驗證碼告訴任何人，包括本公司職員。", rows.get(1).text());
        assertEquals("ACMEHK", rows.get(1).sender());
    }

    @Test
    void enquiryOverview() throws IOException {
        EnquiryOverview overview = object("enquiry-overview.json", EnquiryOverview.class);
        assertEquals(1342L, overview.totalEnquiries());
        assertEquals(1144L, overview.closedEnquiries());
        assertEquals(486.9, overview.averageHandlingTime());
        assertEquals("2023-11-07T23:59:59.999Z", overview.endAt());
    }

    @Test
    void channelTypes() throws IOException {
        List<ChannelType> types = list("channel-type-list.json", ChannelType.class);
        assertEquals(11, types.size());
        assertEquals("Facebook Messenger", types.get(4).name());
        List<ChannelDetail> channels = list("channel-type-detail.json", ChannelDetail.class);
        assertEquals("ACME TW WhatsApp 台灣", channels.get(1).name());
        assertEquals("+886277001234", channels.get(1).number());
        assertEquals("inactive", channels.get(1).status());
    }

    @Test
    void sentCampaigns() throws IOException {
        List<CampaignSummary> summaries = list("sent-campaigns-summary.json", CampaignSummary.class);
        assertEquals("stf-3e9d0c55a1", summaries.get(0).sender().senderEID());
        assertEquals(64L, summaries.get(0).failed());
        assertEquals("Meta Business", summaries.get(1).sender().sourceName());
        assertEquals(312L, summaries.get(1).read());
        List<CampaignRecipient> recipients = list("sent-campaigns-detail.json", CampaignRecipient.class);
        assertEquals("2023-11-06T09:41:53.006Z", recipients.get(1).lastUpdatedDateTime());
        assertEquals("UNDELIV", recipients.get(1).carrierNetworkStatus());
        assertEquals("ACMEHK", recipients.get(0).sender().phone());
        assertEquals(1, recipients.get(0).numSMS());
    }

    @Test
    void eventSubscription() throws IOException {
        EventSubscription subscription = object("inquiry-event-sub-response.json", EventSubscription.class);
        assertEquals(true, subscription.enabled());
        assertEquals("https://hooks.example.org/cinnox/enquiry", subscription.url());
    }

    @Test
    void errorExamplesCarryTheirCodes() throws IOException {
        assertEquals(6451011, reader.readList(stream("error-no-records.json"), CallDetail.class).code());
        assertEquals(6451010, reader.readList(stream("error-rate-limited.json"), CallDetail.class).code());
        ResponseBody<RecordArray<CallDetail>> error = reader.readList(stream("error.json"), CallDetail.class);
        assertEquals("Exceed maximum query day 90", error.message());
        assertEquals(null, error.payload());
    }
}
