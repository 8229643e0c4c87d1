package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.report.DailyOverview;
import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.report.ReportFormats;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys, event times, change versions and finality of each report. */
class KeysVersionsTest {

    private final ReportFormats formats = ReportFormats.create(RecordingUrlMode.REDACT);

    @Test
    void keysComeFromTheFieldsTheSpecNames() {
        assertEquals("6549c1f2a7e14b0012d3e8a1", firstKey(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class)));
        assertEquals("h-6549c1f3-0001", firstKey(formats.of(Report.ENQUIRY_CHAT, ChatMessage.class)));
        assertEquals("6549d2a1c3b0f90011aa0471", firstKey(formats.of(Report.CALL_DETAIL, CallDetail.class)));
        assertEquals("h-log-3a1f0e", firstKey(formats.of(Report.CALL_LOG, CallLogEntry.class)));
        assertEquals("conf-4d2a90e1-aa3c-4e0f-b1d2-77c0e5f6a8b9", firstKey(formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class)));
        assertEquals("recf-0f6e3b2a91", firstKey(formats.of(Report.RECORDING_FILE, RecordingFile.class)));
        assertEquals("654a01d2e8b3c40012f9a210", firstKey(formats.of(Report.SMS_DETAIL, SmsDetail.class)));
        assertEquals("2023-11-07", firstKey(formats.of(Report.ENQUIRY_OVERVIEW, DailyOverview.class)));
        assertEquals("Directory", firstKey(formats.of(Report.CHANNEL_TYPE_LIST, ChannelType.class)));
        assertEquals("ch-wa-01e7c3", firstKey(formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class)));
        assertEquals("cmp-hist-65497a10f1", firstKey(formats.of(Report.SENT_CAMPAIGNS_SUMMARY, CampaignSummary.class)));
        assertEquals("cmp-hist-65497a10f1/+85291234567", firstKey(formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class)));
    }

    @Test
    void legacyUnderscoreIdIsTheEnquiryKey() {
        assertEquals("e1", formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).key(Fixtures.parse("{\"_id\":\"e1\"}", EnquiryDetail.class)));
    }

    @Test
    void recordWithoutItsKeyFieldIsRefusedAlone() {
        EnquiryDetail noId = Fixtures.parse("{\"status\":\"closed\",\"visitorName\":\"Chan Tai Man\"}", EnquiryDetail.class);
        MissingRecordKeyException e = assertThrows(MissingRecordKeyException.class,
                () -> formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).toStruct(noId, new ConversionIssues()));
        assertEquals(Report.ENQUIRY_DETAIL, e.report());
        assertEquals("id", e.field());
        assertEquals("enquiry-detail record without its key field 'id': it cannot be keyed and is skipped", e.getMessage());
        assertFalse(e.getMessage().contains("Chan"));
        assertThrows(MissingRecordKeyException.class, () -> formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).key(noId));
        CampaignRecipient noRecipient = Fixtures.parse("{\"id\":\"c1\",\"recipient\":\" \"}", CampaignRecipient.class);
        assertEquals("recipient", assertThrows(MissingRecordKeyException.class,
                () -> formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class).key(noRecipient)).field());
        assertThrows(MissingRecordKeyException.class,
                () -> formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class).toStruct(Fixtures.parse("{}", ConferenceDetail.class), new ConversionIssues()));
    }

    @Test
    void eventTimesAreTheWindowFields() {
        assertEquals(Optional.of(Instant.parse("2023-11-07T01:15:42.318Z")), firstEventTime(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-07T02:05:11.204Z")), firstEventTime(formats.of(Report.CALL_DETAIL, CallDetail.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-07T03:00:02Z")), firstEventTime(formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-07T00:00:00Z")), firstEventTime(formats.of(Report.ENQUIRY_OVERVIEW, DailyOverview.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-06T09:30:07.412Z")), firstEventTime(formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class)));
        assertEquals(Optional.empty(), firstEventTime(formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-07T03:00:01.480Z")), formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class)
                .eventTime(Fixtures.parse("{\"conferenceID\":\"c\",\"createdAt\":\"2023-11-07T03:00:01.480Z\"}",
                        ConferenceDetail.class)));
        assertEquals(Optional.of(Instant.parse("2023-11-06T09:30:00Z")), formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class)
                .eventTime(Fixtures.parse("{\"id\":\"c\",\"date\":\"2023-11-06T09:30:00Z\"}", CampaignRecipient.class)));
    }

    @Test
    void overviewIsKeyedByTheDayTheCallerGives() {
        DailyOverview day = new DailyOverview(LocalDate.of(2024, 2, 29), EnquiryOverview.empty(null, null));
        assertEquals("2024-02-29", formats.of(Report.ENQUIRY_OVERVIEW, DailyOverview.class).key(day));
        assertEquals(0L, formats.of(Report.ENQUIRY_OVERVIEW, DailyOverview.class).toStruct(day, new ConversionIssues()).getInt64("totalEnquiries"));
    }

    @Test
    void enquiryVersionFollowsStatusDurationAndLabels() {
        EnquiryDetail open = enquiry("ongoing", 0, List.of());
        assertEquals("ongoing|0|", formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).version(open));
        assertEquals("closed|734|lbl-vip,lbl-pricing",
                formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).version(enquiry("closed", 734, List.of("lbl-vip", "lbl-pricing"))));
        assertNotEquals(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).version(open),
                formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).version(enquiry("ongoing", 0, List.of("lbl-vip"))));
        assertFalse(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).isFinal(open));
        assertFalse(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).isFinal(enquiry("missed", 30, List.of())));
        assertTrue(formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).isFinal(enquiry("Closed", 1, List.of())));
    }

    @ParameterizedTest
    @CsvSource({"Queued, false", "Delivered, true", "UNDELIVERED, true", "delivered, true", ", false"})
    void smsIsFinalOnceTheCarrierDecided(String carrierStatus, boolean expected) {
        SmsDetail sms = sms(carrierStatus, "2023-11-07T04:02:14.930Z");
        assertEquals(expected, formats.of(Report.SMS_DETAIL, SmsDetail.class).isFinal(sms));
    }

    @Test
    void smsVersionFollowsStatusCarrierStatusAndUpdate() {
        assertEquals("Submitted|Queued|2023-11-07T04:04:55.000Z",
                formats.of(Report.SMS_DETAIL, SmsDetail.class).version(sms("Queued", "2023-11-07T04:04:55.000Z")));
        assertNotEquals(formats.of(Report.SMS_DETAIL, SmsDetail.class).version(sms("Queued", "2023-11-07T04:04:55.000Z")),
                formats.of(Report.SMS_DETAIL, SmsDetail.class).version(sms("Queued", "2023-11-07T04:05:00.000Z")));
    }

    @ParameterizedTest
    @CsvSource({
            "2500, 2381, 64, 55, false",
            "2500, 2436, 64, 0, true",
            "2500, 2400, 64, 0, false",
            "420, 401, 19, , true",
            ", 401, 19, 0, true",
            ", 401, 19, 3, false",
            ", 401, 19, , false"})
    void campaignSummaryIsFinalWhenNothingIsPending(Long total, Long delivered, Long failed, Long pending, boolean expected) {
        CampaignSummary summary = new CampaignSummary("c1", null, null, null, null, null, null, total, delivered,
                null, null, failed, pending, null);
        assertEquals(expected, formats.of(Report.SENT_CAMPAIGNS_SUMMARY, CampaignSummary.class).isFinal(summary));
    }

    @Test
    void campaignVersionsFollowCountersAndStatus() {
        List<CampaignSummary> summaries = Fixtures.records(formats.of(Report.SENT_CAMPAIGNS_SUMMARY, CampaignSummary.class));
        assertEquals("2500|2381|0|0|64|55", formats.of(Report.SENT_CAMPAIGNS_SUMMARY, CampaignSummary.class).version(summaries.get(0)));
        List<CampaignRecipient> recipients = Fixtures.records(formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class));
        assertEquals("Undelivered|2023-11-06T09:41:53.006Z", formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class).version(recipients.get(1)));
        assertTrue(formats.of(Report.SENT_CAMPAIGNS_DETAIL, CampaignRecipient.class).isFinal(recipients.get(1)));
    }

    @Test
    void channelVersionsHashTheWholeRecord() {
        ChannelType type = new ChannelType("WHATSAPP", "WhatsApp", null);
        String version = formats.of(Report.CHANNEL_TYPE_LIST, ChannelType.class).version(type);
        assertEquals(32, version.length());
        assertEquals(version, formats.of(Report.CHANNEL_TYPE_LIST, ChannelType.class).version(new ChannelType("WHATSAPP", "WhatsApp", Map.of())));
        assertNotEquals(version, formats.of(Report.CHANNEL_TYPE_LIST, ChannelType.class).version(new ChannelType("WHATSAPP", "WhatsApp Business", null)));
        assertNotEquals(version, formats.of(Report.CHANNEL_TYPE_LIST, ChannelType.class).version(new ChannelType("WHATSAPP", "WhatsApp", Map.of("beta", true))));
        ChannelDetail channel = Fixtures.records(formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class)).get(0);
        ChannelDetail renamed = new ChannelDetail(channel.id(), channel.channelType(), "renamed", channel.socialId(),
                channel.number(), channel.tagID(), channel.destinationID(), channel.status(), channel.createdAt(), null);
        assertNotEquals(formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class).version(channel), formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class).version(renamed));
        assertEquals(formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class).version(channel), formats.of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class).version(channel));
    }

    @Test
    void immutableReportsHaveAConstantVersionAndAreFinal() {
        for (Report report : List.of(Report.ENQUIRY_CHAT, Report.CALL_DETAIL, Report.CALL_LOG, Report.CONFERENCE_DETAIL,
                Report.RECORDING_FILE, Report.ENQUIRY_OVERVIEW)) {
            assertConstant(formats.of(report));
        }
    }

    @Test
    void typedLookupChecksTheModel() {
        assertEquals(formats.of(Report.SMS_DETAIL, SmsDetail.class), formats.of(Report.SMS_DETAIL, SmsDetail.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> formats.of(Report.SMS_DETAIL, EnquiryDetail.class));
        assertEquals("sms-detail records are SmsDetail, not EnquiryDetail", e.getMessage());
        for (Report report : Report.values()) {
            assertEquals(report, formats.of(report).report());
        }
    }

    private static <T> void assertConstant(ReportFormat<T> format) {
        for (T record : Fixtures.records(format)) {
            assertEquals(Versions.IMMUTABLE, format.version(record), format.report().apiName());
            assertTrue(format.isFinal(record));
        }
    }

    private static <T> String firstKey(ReportFormat<T> format) {
        return format.key(Fixtures.records(format).get(0));
    }

    private static <T> Optional<Instant> firstEventTime(ReportFormat<T> format) {
        return format.eventTime(Fixtures.records(format).get(0));
    }

    private static EnquiryDetail enquiry(String status, long duration, List<String> labels) {
        return new EnquiryDetail("e1", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, status, null, null, null, null, null, null, labels, duration, null, null);
    }

    private static SmsDetail sms(String carrierStatus, String updatedAt) {
        return new SmsDetail("s1", null, null, null, null, null, null, null, null, "Submitted", carrierStatus, null,
                null, null, updatedAt, null, null, null, null);
    }
}
