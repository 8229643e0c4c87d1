package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.LocationDetail;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.stringArray;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Enquiries (cases) of Get Enquiry Details; mutable until their status is {@code closed}. */
final class EnquiryDetailFormat implements ReportFormat<EnquiryDetail> {

    static final Schema LOCATION_SCHEMA = Schemas.struct("EnquiryDetail.LocationDetail",
                    "Where the visitor was when the enquiry was opened.").optional()
            .field("regionCode", string("Region code."))
            .field("subdivision", string("Country subdivision."))
            .field("city", string("City."))
            .field("province", string("Province (printed without the dot in the docs; name assumed [A-19])."))
            .build();

    static final Schema SCHEMA = Schemas.value(Schemas.struct("EnquiryDetail",
                    "One enquiry (case) of the CINNOX Get Enquiry Details report, as last read. Mutable: status, "
                            + "duration and labels change until the enquiry is closed.")
            .field("id", Schemas.key("Unique record id of the enquiry (older API pages call it _id); the record key."))
            .field("uniqueKey", string("Internal CINNOX key, passed through."))
            .field("createdAt", timestamp("When the enquiry record was created; the report's window field [A-05]."))
            .field("svcID", string("Service account id."))
            .field("inquiry", string("Enquiry id; the enquiry-chat endpoint accepts it as enquiryID."))
            .field("tag", string("Tag id."))
            .field("visitor", string("Visitor id."))
            .field("roomID", string("Room id of the enquiry conversation."))
            .field("initChannel", string("How the enquiry started: IM or CALL."))
            .field("omniType", string("Omni-channel type; always CINNOX."))
            .field("ip", string("Visitor IP address."))
            .field("language", string("Visitor language as ISO 639-1 code and name, e.g. en:English (separator "
                    + "assumed [A-19])."))
            .field("location", string("Visitor country, ISO 3166 alpha-2, e.g. HK."))
            .field("locationDetail", LOCATION_SCHEMA)
            .field("platform", string("Visitor platform (browser, operating system or app)."))
            .field("status", string("Enquiry status: ongoing, followed-up, missed or closed."))
            .field("displayCaseNumber", string("Enquiry id shown in the dashboard; enquiry-chat accepts it too."))
            .field("channel", string("Channel the enquiry arrived on: Weblink, VirtualNumber, Email, ThirdParty, "
                    + "FACEBOOK, WHATSAPP, WECHAT, LINE or WOZTELL."))
            .field("destinationID", string("Destination (service group) id."))
            .field("destinationName", string("Destination (service group) name."))
            .field("destinationType", string("Destination type: PHONE (PSTN), STAFF (staff directory), TRUNK "
                    + "(SIP trunk), others possible."))
            .field("visitorName", string("Visitor display name (field name assumed [A-19])."))
            .field("labelIDs", stringArray("Ids of the labels attached to the enquiry (field name assumed [A-19])."))
            .field("enquiryDuration", int64("Seconds from open to close (name and unit assumed [A-19])."))
            .field("deepLink", string("Dashboard link to the enquiry (field name assumed [A-19])."))
    );

    @Override
    public Report report() {
        return Report.ENQUIRY_DETAIL;
    }

    @Override
    public Class<EnquiryDetail> modelType() {
        return EnquiryDetail.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id`, the enquiry's record id.";
    }

    @Override
    public String key(EnquiryDetail record) {
        return MissingRecordKeyException.require(report(), "id", record.id());
    }

    @Override
    public Optional<Instant> eventTime(EnquiryDetail record) {
        return ApiTimestamps.parse(record.createdAt());
    }

    @Override
    public Struct toStruct(EnquiryDetail r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", key(r))
                .put("uniqueKey", r.uniqueKey())
                .put("createdAt", c.timestamp("", "createdAt", r.createdAt()))
                .put("svcID", r.svcID())
                .put("inquiry", r.inquiry())
                .put("tag", r.tag())
                .put("visitor", r.visitor())
                .put("roomID", r.roomID())
                .put("initChannel", r.initChannel())
                .put("omniType", r.omniType())
                .put("ip", r.ip())
                .put("language", r.language())
                .put("location", r.location())
                .put("locationDetail", c.nested("", "locationDetail", r.locationDetail(), (l, p) -> location(l, p, c)))
                .put("platform", r.platform())
                .put("status", r.status())
                .put("displayCaseNumber", r.displayCaseNumber())
                .put("channel", r.channel())
                .put("destinationID", r.destinationID())
                .put("destinationName", r.destinationName())
                .put("destinationType", r.destinationType())
                .put("visitorName", r.visitorName())
                .put("labelIDs", Conversion.strings(r.labelIDs()))
                .put("enquiryDuration", r.enquiryDuration())
                .put("deepLink", r.deepLink()));
    }

    private static Struct location(LocationDetail l, String path, Conversion c) {
        c.unknown(path, l.extra());
        return new Struct(LOCATION_SCHEMA)
                .put("regionCode", l.regionCode())
                .put("subdivision", l.subdivision())
                .put("city", l.city())
                .put("province", l.province());
    }

    /** Status, duration and labels: what changes while an enquiry is handled. */
    @Override
    public String version(EnquiryDetail record) {
        return Versions.join(record.status(), record.enquiryDuration(), record.labelIDs());
    }

    @Override
    public boolean isFinal(EnquiryDetail record) {
        return "closed".equalsIgnoreCase(record.status());
    }
}
