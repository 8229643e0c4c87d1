package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.report.ReportFormats;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.Report;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record of every report's example page converts into a valid struct carrying the API's values. */
class ReportFormatFixturesTest {

    private static final ReportFormats FORMATS = ReportFormats.create(RecordingUrlMode.INCLUDE);
    private static final Map<Report, Consumer<List<Struct>>> EXPECTED = new EnumMap<>(Report.class);

    static {
        EXPECTED.put(Report.ENQUIRY_DETAIL, rows -> {
            Struct first = rows.get(0);
            assertEquals("6549c1f2a7e14b0012d3e8a1", first.getString("id"));
            assertEquals(at("2023-11-07T01:15:42.318Z"), first.get("createdAt"));
            assertEquals("Kowloon City", first.getStruct("locationDetail").getString("city"));
            assertEquals(List.of("lbl-vip", "lbl-pricing"), first.getArray("labelIDs"));
            assertEquals(734L, first.getInt64("enquiryDuration"));
            assertEquals("林小姐 🌸", rows.get(1).getString("visitorName"));
            assertEquals("zh-TW:繁體中文", rows.get(1).getString("language"));
            assertEquals(List.of(), rows.get(1).getArray("labelIDs"));
            assertEquals("PHONE", rows.get(2).getString("destinationType"));
        });
        EXPECTED.put(Report.ENQUIRY_CHAT, rows -> {
            Struct content = rows.get(1).getStruct("content");
            assertEquals("你好，我想查詢企業方案的價錢 😊\n\"Pro\" plan vs 'Enterprise'?",
                    content.getStruct("msg").getString("text"));
            assertEquals(1L, content.getStruct("msg").getInt64("type"));
            assertEquals("sess-91af03", content.getStruct("from").getString("session"));
            assertEquals("ce1f0a9b-3b1e-4c57-9a41-2f8d6a0b7c11", content.getStruct("to").getString("inquiry"));
            assertEquals(1699319760112L, content.getInt64("ts"));
            assertEquals(true, rows.get(2).getStruct("content").getStruct("from").getBoolean("system"));
            assertEquals("2", rows.get(3).getStruct("content").getString("replySeqs"));
            assertEquals(0.0, rows.get(0).getFloat64("callDuration"));
            assertEquals(at("2023-11-07T01:15:42.500Z"), rows.get(0).get("createdAt"));
        });
        EXPECTED.put(Report.CALL_DETAIL, rows -> {
            assertEquals("+6591234567", rows.get(0).getString("callee"));
            assertEquals(true, rows.get(0).getBoolean("isRecording"));
            assertEquals("20231107", rows.get(0).getString("date"));
            assertEquals(at("2023-11-07T02:09:48.990Z"), rows.get(0).get("callEndTime"));
            assertEquals(2L, rows.get(1).getInt64("callSeq"));
            assertEquals("", rows.get(1).getString("caller"));
        });
        EXPECTED.put(Report.CALL_LOG, rows -> {
            assertEquals(277.0, rows.get(0).getFloat64("callDuration"));
            assertEquals("Mary Wong", rows.get(0).getStruct("callerInfo").getString("displayName"));
            assertEquals(true, rows.get(0).getStruct("callerInfo").getBoolean("isStaff"));
            assertEquals("+6591234567", rows.get(0).getStruct("calleeInfo").getString("phoneNumber"));
            assertEquals("conference", rows.get(1).getString("type"));
        });
        EXPECTED.put(Report.CONFERENCE_DETAIL, rows -> {
            Struct conference = rows.get(0);
            Struct info = conference.getStruct("conferenceDetail");
            assertEquals("Weekly pipeline review — Q4 / 第四季", info.getString("subject"));
            List<Struct> participants = info.getArray("participants");
            assertEquals(4, participants.size());
            assertEquals("owner", participants.get(0).getString("roomRole"));
            assertEquals("rejected", participants.get(2).getString("joinStatus"));
            Struct leg = conference.<Struct>getArray("callConferenceList").get(0).getStruct("content");
            assertEquals("call-leg-6f0e2c1a", leg.getString("callID"));
            assertEquals("stf-6a0b11e7c9", leg.getStruct("to").getString("eid"));
            assertEquals(at("2023-11-07T03:00:05.120Z"), leg.get("callStartTime"));
            assertEquals(31.0, conference.getFloat64("callDurationMin"));
        });
        EXPECTED.put(Report.RECORDING_FILE, rows -> {
            assertEquals(2216448L, rows.get(0).getInt64("fileSize"));
            assertEquals(277L, rows.get(0).getInt64("duration"));
            assertTrue(rows.get(1).getString("fileURL").endsWith("X-Signature=41aa9d"));
            assertEquals(at("2023-11-07T04:20:00Z"), rows.get(0).get("expiredAt"));
        });
        EXPECTED.put(Report.SMS_DETAIL, rows -> {
            assertEquals("+85291234567", rows.get(0).getString("recipient"));
            assertEquals(2L, rows.get(1).getInt64("segmentCount"));
            assertEquals("您的驗證碼是 482913，五分鐘內有效。請勿將此驗證碼告訴任何人，包括本公司職員。", rows.get(1).getString("text"));
            assertEquals(at("2023-11-07T04:02:14.930Z"), rows.get(0).get("updatedAt"));
        });
        EXPECTED.put(Report.ENQUIRY_OVERVIEW, rows -> {
            assertEquals(1342L, rows.get(0).getInt64("totalEnquiries"));
            assertEquals(486.9, rows.get(0).getFloat64("averageHandlingTime"));
            assertEquals(at("2023-11-07T23:59:59.999Z"), rows.get(0).get("endAt"));
        });
        EXPECTED.put(Report.CHANNEL_TYPE_LIST, rows -> {
            assertEquals(11, rows.size());
            assertEquals("Facebook Messenger", rows.get(4).getString("name"));
        });
        EXPECTED.put(Report.CHANNEL_TYPE_DETAIL, rows -> {
            assertEquals("ACME TW WhatsApp 台灣", rows.get(1).getString("name"));
            assertEquals("+886277001234", rows.get(1).getString("number"));
            assertNull(rows.get(1).getString("tagID"));
        });
        EXPECTED.put(Report.SENT_CAMPAIGNS_SUMMARY, rows -> {
            assertEquals("stf-3e9d0c55a1", rows.get(0).getStruct("sender").getString("senderEID"));
            assertEquals(64L, rows.get(0).getInt64("failed"));
            assertEquals("Meta Business", rows.get(1).getStruct("sender").getString("sourceName"));
            assertEquals(at("2023-11-06T10:00:00Z"), rows.get(1).get("date"));
        });
        EXPECTED.put(Report.SENT_CAMPAIGNS_DETAIL, rows -> {
            assertEquals(at("2023-11-06T09:41:53.006Z"), rows.get(1).get("LastUpdatedDateTime"));
            assertEquals("UNDELIV", rows.get(1).getString("carrierNetworkStatus"));
            assertEquals("ACMEHK", rows.get(0).getStruct("sender").getString("phone"));
            assertEquals(1L, rows.get(0).getInt64("numSMS"));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureRecordConverts() {
        return Arrays.stream(Report.values())
                .map(report -> DynamicTest.dynamicTest(report.apiName() + ".json", () -> convertAll(FORMATS.of(report))));
    }

    private static <T> void convertAll(ReportFormat<T> format) {
        List<T> records = Fixtures.records(format);
        assertFalse(records.isEmpty());
        ConversionIssues issues = new ConversionIssues();
        List<Struct> structs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (T record : records) {
            Struct struct = format.toStruct(record, issues);
            struct.validate();
            assertEquals(format.schema(), struct.schema());
            assertNull(struct.get(Schemas.UNKNOWN_FIELDS), "fixture fields all known");
            assertNull(struct.get(Schemas.RAW_VALUES), "fixture values all convert");
            assertTrue(keys.add(format.key(record)), "keys unique within a page");
            assertNotNull(format.version(record));
            if (format.report().kind() != Report.Kind.SNAPSHOT) {
                assertTrue(format.eventTime(record).isPresent(), "event time of " + format.key(record));
            }
            structs.add(struct);
        }
        assertEquals(0, issues.unconvertedValues() + issues.unknownFields());
        EXPECTED.get(format.report()).accept(structs);
    }

    @TestFactory
    Stream<DynamicTest> everySchemaIsNamedVersionedAndDocumented() {
        return Arrays.stream(Report.values()).map(report -> DynamicTest.dynamicTest(report.apiName(), () -> {
            Schema schema = FORMATS.of(report).schema();
            assertTrue(schema.name().startsWith("io.kafkaconnect.cinnox."), schema.name());
            assertEquals(1, schema.version());
            assertNotNull(schema.field(Schemas.UNKNOWN_FIELDS));
            assertNotNull(schema.field(Schemas.RAW_VALUES));
            assertDocumented(schema.name(), schema);
        }));
    }

    private static void assertDocumented(String path, Schema schema) {
        assertTrue(schema.doc() != null && !schema.doc().isBlank(), "doc missing on " + path);
        switch (schema.type()) {
            case STRUCT -> {
                assertNotNull(schema.name(), "struct name at " + path);
                assertEquals(1, schema.version(), "version of " + schema.name());
                for (Field field : schema.fields()) {
                    assertDocumented(path + "." + field.name(), field.schema());
                    if (field.name().matches(".*(At|StartTime|EndTime|DateTime)|callDate")) {
                        assertEquals(Timestamp.LOGICAL_NAME, field.schema().name(), path + "." + field.name());
                    }
                }
            }
            case ARRAY -> {
                if (schema.valueSchema().type() == Schema.Type.STRUCT) {
                    assertDocumented(path + "[]", schema.valueSchema());
                }
            }
            default -> { }
        }
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
