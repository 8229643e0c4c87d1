package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.ReportFormats;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values the schema cannot hold become null with their text kept; fields it does not know are kept as JSON. */
class LenientConversionTest {

    private final ReportFormats formats = ReportFormats.create(RecordingUrlMode.REDACT);
    private final ConversionIssues issues = new ConversionIssues();

    @ParameterizedTest
    @CsvSource({
            "2023-11-07T02:05:11Z,              2023-11-07T02:05:11Z",
            "2023-11-07T02:05:11.2Z,            2023-11-07T02:05:11.200Z",
            "2023-11-07T02:05:11.204Z,          2023-11-07T02:05:11.204Z",
            "2023-11-07T02:05:11.204999999Z,    2023-11-07T02:05:11.204Z",
            "2023-11-07T10:05:11.204+08:00,     2023-11-07T02:05:11.204Z",
            "2023-11-06T21:05:11-05:00,         2023-11-07T02:05:11Z",
            "2023-11-07 02:05:11.204Z,          2023-11-07T02:05:11.204Z",
            "2023-11-07t02:05:11.204z,          2023-11-07T02:05:11.204Z"})
    void rfc3339VariantsBecomeTimestamps(String text, String expected) {
        Struct struct = convertCall(text);
        assertEquals(Date.from(Instant.parse(expected)), struct.get("callDate"));
        assertNull(struct.get("rawValues"));
        assertEquals(0, issues.unparsedTimestamps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2023-11-07", "2023-11-07T02:05:11", "20231107", "2023-13-40T99:00:00Z", "1699322711204"})
    void unparsableTimestampsBecomeNullWithTheirTextKept(String text) {
        Struct struct = convertCall(text);
        struct.validate();
        assertNull(struct.get("callDate"));
        assertEquals(Map.of("callDate", text), struct.getMap("rawValues"));
        assertEquals(1, issues.unparsedTimestamps());
        assertEquals(1, issues.unconvertedValues());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankTimestampsAreAbsentNotIssues(String text) {
        Struct struct = convertCall(text);
        assertNull(struct.get("callDate"));
        assertNull(struct.get("rawValues"));
        assertEquals(0, issues.unparsedTimestamps());
    }

    @Test
    void nestedTimestampTextIsKeptUnderItsPath() {
        ConferenceDetail conference = Fixtures.parse("{\"conferenceID\":\"c1\",\"createdAt\":\"soon\","
                + "\"callConferenceList\":[null,{\"hid\":\"l1\",\"content\":{\"callStartTime\":\"03:00\","
                + "\"callEndTime\":\"2023-11-07T03:19:55.004+08:00\"}}]}", ConferenceDetail.class);
        Struct struct = formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class).toStruct(conference, issues);
        struct.validate();
        assertEquals(Map.of("createdAt", "soon", "callConferenceList[1].content.callStartTime", "03:00"),
                struct.getMap("rawValues"));
        Struct leg = struct.<Struct>getArray("callConferenceList").get(0);
        assertEquals("l1", leg.getString("hid"));
        assertEquals(Date.from(Instant.parse("2023-11-06T19:19:55.004Z")), leg.getStruct("content").get("callEndTime"));
        assertEquals(2, issues.unparsedTimestamps());
    }

    @Test
    void unknownFieldsAtAnyDepthLandInUnknownFieldsJson() throws Exception {
        EnquiryDetail enquiry = Fixtures.parse("{\"id\":\"e1\",\"status\":\"closed\",\"sentiment\":{\"score\":0.8},"
                + "\"tags\":[\"a\",\"b\"],\"locationDetail\":{\"city\":\"Taipei\",\"postalCode\":\"100\"},"
                + "\"priority\":3}", EnquiryDetail.class);
        Struct struct = formats.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).toStruct(enquiry, issues);
        struct.validate();
        assertEquals("Taipei", struct.getStruct("locationDetail").getString("city"));
        JsonNode unknown = Fixtures.MAPPER.readTree(struct.getString("unknownFields"));
        assertEquals(Fixtures.MAPPER.readTree("{\"sentiment\":{\"score\":0.8},\"tags\":[\"a\",\"b\"],\"priority\":3,"
                + "\"locationDetail.postalCode\":\"100\"}"), unknown);
        assertEquals(4, issues.unknownFields());
        assertEquals(1, issues.recordsWithUnknownFields());
    }

    @Test
    void unknownFieldsInArrayElementsCarryTheirIndex() throws Exception {
        ConferenceDetail conference = Fixtures.parse("{\"conferenceID\":\"c1\",\"conferenceDetail\":{\"participants\":"
                + "[{\"eid\":\"s1\"},{\"eid\":\"s2\",\"muted\":true}]},\"callConferenceList\":[{\"content\":"
                + "{\"from\":{\"eid\":\"s1\",\"number\":\"+852\"}}}]}", ConferenceDetail.class);
        Struct struct = formats.of(Report.CONFERENCE_DETAIL, ConferenceDetail.class).toStruct(conference, issues);
        struct.validate();
        assertEquals(Fixtures.MAPPER.readTree("{\"conferenceDetail.participants[1].muted\":true,"
                        + "\"callConferenceList[0].content.from.number\":\"+852\"}"),
                Fixtures.MAPPER.readTree(struct.getString("unknownFields")));
    }

    @Test
    void phoneNumbersSentAsJsonNumbersStayDigits() {
        SmsDetail sms = Fixtures.parse("{\"id\":\"s1\",\"sender\":85230018888,\"recipient\":886912345678,"
                + "\"segmentCount\":3}", SmsDetail.class);
        Struct struct = formats.of(Report.SMS_DETAIL, SmsDetail.class).toStruct(sms, issues);
        struct.validate();
        assertEquals("85230018888", struct.getString("sender"));
        assertEquals("886912345678", struct.getString("recipient"));
        assertEquals(3L, struct.getInt64("segmentCount"));
        CallLogEntry log = Fixtures.parse("{\"hid\":\"h1\",\"virtualNumber\":85230018888,"
                + "\"callerInfo\":{\"phoneNumber\":6591234567}}", CallLogEntry.class);
        Struct logStruct = formats.of(Report.CALL_LOG, CallLogEntry.class).toStruct(log, issues);
        assertEquals("85230018888", logStruct.getString("virtualNumber"));
        assertEquals("6591234567", logStruct.getStruct("callerInfo").getString("phoneNumber"));
    }

    @Test
    void recordWithOnlyItsKeyIsValid() {
        Struct struct = formats.of(Report.CALL_DETAIL, CallDetail.class).toStruct(Fixtures.parse("{\"id\":\"c1\"}", CallDetail.class), issues);
        struct.validate();
        assertEquals("c1", struct.getString("id"));
        assertNull(struct.get("callDate"));
        assertNull(struct.get("unknownFields"));
        assertTrue(formats.of(Report.CALL_DETAIL, CallDetail.class).eventTime(Fixtures.parse("{\"id\":\"c1\"}", CallDetail.class)).isEmpty());
    }

    private Struct convertCall(String callDate) {
        CallDetail call = Fixtures.parse("{\"id\":\"c1\",\"callDate\":" + Fixtures.MAPPER.valueToTree(callDate) + "}",
                CallDetail.class);
        return formats.of(Report.CALL_DETAIL, CallDetail.class).toStruct(call, issues);
    }
}
