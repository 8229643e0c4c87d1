package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.report.ReportFormats;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.Report;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values survive Kafka's JsonConverter both ways, with and without embedded schemas. */
class JsonConverterRoundTripTest {

    private static final String TOPIC = "cinnox.test";
    private static final ReportFormats FORMATS = ReportFormats.create(RecordingUrlMode.INCLUDE);

    @TestFactory
    Stream<DynamicTest> withSchemasTheStructComesBackEqual() {
        JsonConverter converter = converter(true);
        return Arrays.stream(Report.values()).map(report -> DynamicTest.dynamicTest(report.apiName(), () -> {
            for (Struct struct : structs(FORMATS.of(report))) {
                byte[] json = converter.fromConnectData(TOPIC, struct.schema(), struct);
                SchemaAndValue back = converter.toConnectData(TOPIC, json);
                assertEquals(struct.schema(), back.schema());
                assertEquals(struct, back.value());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> withoutSchemasTheJsonIsStable() {
        JsonConverter converter = converter(false);
        return Arrays.stream(Report.values()).map(report -> DynamicTest.dynamicTest(report.apiName(), () -> {
            for (Struct struct : structs(FORMATS.of(report))) {
                byte[] json = converter.fromConnectData(TOPIC, struct.schema(), struct);
                Object map = converter.toConnectData(TOPIC, json).value();
                byte[] again = converter.fromConnectData(TOPIC, null, map);
                assertEquals(Fixtures.MAPPER.readTree(json), Fixtures.MAPPER.readTree(again));
            }
        }));
    }

    @Test
    void unknownFieldsRawValuesAndUnicodeSurviveBothWays() throws Exception {
        EnquiryDetail enquiry = Fixtures.parse("{\"id\":\"e1\",\"createdAt\":\"nope\",\"visitorName\":\"林小姐 🌸\","
                + "\"locationDetail\":{\"city\":\"台北\",\"zip\":100},\"labelIDs\":[\"a\"],\"mood\":\"😊\"}",
                EnquiryDetail.class);
        Struct struct = FORMATS.of(Report.ENQUIRY_DETAIL, EnquiryDetail.class).toStruct(enquiry, new ConversionIssues());

        JsonConverter withSchemas = converter(true);
        assertEquals(struct, withSchemas.toConnectData(TOPIC, withSchemas.fromConnectData(TOPIC, struct.schema(), struct)).value());

        JsonConverter schemaless = converter(false);
        JsonNode json = Fixtures.MAPPER.readTree(schemaless.fromConnectData(TOPIC, struct.schema(), struct));
        assertEquals("林小姐 🌸", json.get("visitorName").asText());
        assertEquals("nope", json.get("rawValues").get("createdAt").asText());
        assertEquals(Fixtures.MAPPER.readTree("{\"mood\":\"😊\",\"locationDetail.zip\":100}"),
                Fixtures.MAPPER.readTree(json.get("unknownFields").asText()));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) schemaless.toConnectData(TOPIC,
                schemaless.fromConnectData(TOPIC, struct.schema(), struct)).value();
        assertEquals("台北", ((Map<?, ?>) back.get("locationDetail")).get("city"));
        assertEquals(List.of("a"), back.get("labelIDs"));
    }

    static JsonConverter converter(boolean schemas) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
        return converter;
    }

    private static <T> List<Struct> structs(ReportFormat<T> format) {
        List<Struct> structs = new ArrayList<>();
        for (T record : Fixtures.records(format)) {
            structs.add(format.toStruct(record, new ConversionIssues()));
        }
        return structs;
    }
}
