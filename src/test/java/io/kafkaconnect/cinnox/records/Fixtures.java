package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.DailyOverview;
import io.kafkaconnect.cinnox.report.ReportFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.report.Report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the API spec's example pages (test resources {@code examples/<report>.json}) into client models. */
final class Fixtures {

    /** The day the overview fixture is read for. */
    static final LocalDate OVERVIEW_DAY = LocalDate.of(2023, 11, 7);

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Fixtures() {
    }

    /** The records of the report's example page, as the format's model (overview wrapped for its day). */
    static <T> List<T> records(ReportFormat<T> format) {
        JsonNode result = page(format.report()).get("result");
        List<T> records = new ArrayList<>();
        if (format.modelType() == DailyOverview.class) {
            records.add(format.modelType().cast(new DailyOverview(OVERVIEW_DAY, bind(result, EnquiryOverview.class))));
            return records;
        }
        result.forEach(node -> records.add(bind(node, format.modelType())));
        return records;
    }

    static JsonNode page(Report report) {
        String name = "/examples/" + report.apiName() + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
