package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.CallParty;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.bool;
import static io.kafkaconnect.cinnox.records.Schemas.float64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Rows of Get Call Log Details, calls and conferences alike; they do not change once the call ended. */
final class CallLogFormat implements ReportFormat<CallLogEntry> {

    static final Schema CALLER_SCHEMA = party("CallerInfo", "The calling party.", "caller");
    static final Schema CALLEE_SCHEMA = party("CalleeInfo",
            "The receiving party (fields assumed to mirror callerInfo [A-24]).", "receiver");

    static final Schema SCHEMA = Schemas.value(Schemas.struct("CallLog",
                    "One call or conference from the CINNOX Get Call Log Details report.")
            .field("hid", Schemas.key("Record id; the record key."))
            .field("roomID", string("Room id."))
            .field("type", string("call or conference."))
            .field("status", string("Call status: Call Ended, Declined, Busy, Not Answered, Cancelled, Abandoned, "
                    + "Unreachable or Call Failed."))
            .field("inquiryID", string("Related enquiry id; empty for internal staff-to-staff calls [A-24]."))
            .field("displayCaseNumber", string("Related enquiry id as shown in the dashboard."))
            .field("callID", string("Call id."))
            .field("callDuration", float64("Call length in seconds."))
            .field("callDate", timestamp("Call start; the report's window field [A-05]."))
            .field("callEndTime", timestamp("Call end."))
            .field("byeReason", string("Why the call ended."))
            .field("releaseParty", string("Who hung up: Caller or Callee."))
            .field("virtualNumber", string("Virtual number used (a string even when the API sends a JSON number "
                    + "[A-18])."))
            .field("mediaType", string("audio or video."))
            .field("callerInfo", CALLER_SCHEMA)
            .field("calleeInfo", CALLEE_SCHEMA)
    );

    private static Schema party(String type, String doc, String who) {
        return Schemas.struct("CallLog." + type, doc).optional()
                .field("countryCode", string("ISO country of the " + who + "."))
                .field("displayName", string("Display name of the " + who + "."))
                .field("eid", string("Staff id of the " + who + "; empty when not staff."))
                .field("isStaff", bool("Whether the " + who + " is staff."))
                .field("phoneNumber", string("Phone number of the " + who + ", +<cc><number> (a string even when "
                        + "the API sends a JSON number [A-18])."))
                .field("serviceId", string("Service id of the " + who + "."))
                .build();
    }

    @Override
    public Report report() {
        return Report.CALL_LOG;
    }

    @Override
    public Class<CallLogEntry> modelType() {
        return CallLogEntry.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`hid`, the call-log record id.";
    }

    @Override
    public String key(CallLogEntry record) {
        return MissingRecordKeyException.require(report(), "hid", record.hid());
    }

    @Override
    public Optional<Instant> eventTime(CallLogEntry record) {
        return ApiTimestamps.parse(record.callDate());
    }

    @Override
    public Struct toStruct(CallLogEntry r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("hid", key(r))
                .put("roomID", r.roomID())
                .put("type", r.type())
                .put("status", r.status())
                .put("inquiryID", r.inquiryID())
                .put("displayCaseNumber", r.displayCaseNumber())
                .put("callID", r.callID())
                .put("callDuration", r.callDuration())
                .put("callDate", c.timestamp("", "callDate", r.callDate()))
                .put("callEndTime", c.timestamp("", "callEndTime", r.callEndTime()))
                .put("byeReason", r.byeReason())
                .put("releaseParty", r.releaseParty())
                .put("virtualNumber", r.virtualNumber())
                .put("mediaType", r.mediaType())
                .put("callerInfo", c.nested("", "callerInfo", r.callerInfo(), (p, path) -> party(CALLER_SCHEMA, p, path, c)))
                .put("calleeInfo", c.nested("", "calleeInfo", r.calleeInfo(), (p, path) -> party(CALLEE_SCHEMA, p, path, c))));
    }

    private static Struct party(Schema schema, CallParty p, String path, Conversion c) {
        c.unknown(path, p.extra());
        return new Struct(schema)
                .put("countryCode", p.countryCode())
                .put("displayName", p.displayName())
                .put("eid", p.eid())
                .put("isStaff", p.isStaff())
                .put("phoneNumber", p.phoneNumber())
                .put("serviceId", p.serviceId());
    }

    @Override
    public String version(CallLogEntry record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(CallLogEntry record) {
        return true;
    }
}
