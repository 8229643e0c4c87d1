package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.float64;
import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/**
 * Daily enquiry totals of Get Enquiry Overview Matrix (path and fields assumed, [A-13]), one record
 * per settled UTC day, keyed by that day.
 */
final class EnquiryOverviewFormat implements ReportFormat<DailyOverview> {

    static final Schema SCHEMA = Schemas.value(Schemas.struct("EnquiryOverview",
                    "Enquiry totals of one UTC day from the CINNOX Get Enquiry Overview Matrix (path and field names "
                            + "assumed [A-11], [A-13]). The record key is the day, yyyy-MM-dd.")
            .field("startAt", timestamp("Start of the window the totals cover, as echoed by the API."))
            .field("endAt", timestamp("End of the window the totals cover, as echoed by the API."))
            .field("totalEnquiries", int64("Enquiries received in the window."))
            .field("ongoingEnquiries", int64("Enquiries ongoing."))
            .field("followedUpEnquiries", int64("Enquiries followed up."))
            .field("missedEnquiries", int64("Enquiries missed."))
            .field("closedEnquiries", int64("Enquiries closed."))
            .field("averageWaitingTime", float64("Average waiting time in seconds; null when no enquiry waited."))
            .field("averageHandlingTime", float64("Average handling time in seconds; null when none was handled."))
    );

    @Override
    public Report report() {
        return Report.ENQUIRY_OVERVIEW;
    }

    @Override
    public Class<DailyOverview> modelType() {
        return DailyOverview.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "the UTC day the totals cover, `yyyy-MM-dd`, as the connector asked for it (not an API field).";
    }

    @Override
    public String key(DailyOverview record) {
        return record.day().toString();
    }

    /** The start of the day (UTC midnight). */
    @Override
    public Optional<Instant> eventTime(DailyOverview record) {
        return Optional.of(record.day().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public Struct toStruct(DailyOverview record, ConversionIssues issues) {
        EnquiryOverview r = record.overview();
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("startAt", c.timestamp("", "startAt", r.startAt()))
                .put("endAt", c.timestamp("", "endAt", r.endAt()))
                .put("totalEnquiries", r.totalEnquiries())
                .put("ongoingEnquiries", r.ongoingEnquiries())
                .put("followedUpEnquiries", r.followedUpEnquiries())
                .put("missedEnquiries", r.missedEnquiries())
                .put("closedEnquiries", r.closedEnquiries())
                .put("averageWaitingTime", r.averageWaitingTime())
                .put("averageHandlingTime", r.averageHandlingTime()));
    }

    /** Constant: a settled day is read once. */
    @Override
    public String version(DailyOverview record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(DailyOverview record) {
        return true;
    }
}
