package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.CallDetail;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.bool;
import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Ended 1-on-1 calls of Get Call Details; a call row appears after the call ends and does not change. */
final class CallDetailFormat implements ReportFormat<CallDetail> {

    static final Schema SCHEMA = Schemas.value(Schemas.struct("CallDetail",
                    "One ended 1-on-1 call from the CINNOX Get Call Details report.")
            .field("id", Schemas.key("Unique call record id; the record key."))
            .field("hid", string("History id."))
            .field("svcID", string("Service account used."))
            .field("date", string("Call date as the API writes it, 8 digits YYYYMMDD (e.g. 20230704)."))
            .field("roomID", string("Room id."))
            .field("seq", int64("Sequence of this call."))
            .field("type", string("Always call."))
            .field("fromEID", string("Caller staff id."))
            .field("toEID", string("Callee staff id."))
            .field("fromSvcID", string("Caller service account."))
            .field("toSvcID", string("Callee service account."))
            .field("fromRegion", string("Caller region."))
            .field("callSeq", int64("Sequence in the call history."))
            .field("callID", string("Call id; the recording-file endpoint takes it."))
            .field("callDirection", string("Inbound or Outbound."))
            .field("callType", string("onnet, offnet or smartcall."))
            .field("fromIP", string("Caller IP address."))
            .field("callPrepareFromNum", string("SIP trunk or PSTN number used."))
            .field("caller", string("Caller phone number, e.g. +85230018888 (a string even when the API sends "
                    + "a JSON number [A-18])."))
            .field("callee", string("Callee phone number (a string even when the API sends a JSON number [A-18])."))
            .field("callDate", timestamp("Call start; the report's window field [A-05]."))
            .field("callEndTime", timestamp("Call end."))
            .field("status", string("Call status: Call Ended, Declined, Busy, Not Answered, Cancelled, Abandoned, "
                    + "Unreachable or Call Failed."))
            .field("lastResponseCode", string("Last SIP response code."))
            .field("byeReason", string("Why the call ended."))
            .field("releaseParty", string("Who hung up."))
            .field("mediaType", string("audio or video."))
            .field("isRecording", bool("Whether the call was recorded (then recording-file has its files)."))
    );

    @Override
    public Report report() {
        return Report.CALL_DETAIL;
    }

    @Override
    public Class<CallDetail> modelType() {
        return CallDetail.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id`, the call record id.";
    }

    @Override
    public String key(CallDetail record) {
        return MissingRecordKeyException.require(report(), "id", record.id());
    }

    @Override
    public Optional<Instant> eventTime(CallDetail record) {
        return ApiTimestamps.parse(record.callDate());
    }

    @Override
    public Struct toStruct(CallDetail r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", key(r))
                .put("hid", r.hid())
                .put("svcID", r.svcID())
                .put("date", r.date())
                .put("roomID", r.roomID())
                .put("seq", r.seq())
                .put("type", r.type())
                .put("fromEID", r.fromEID())
                .put("toEID", r.toEID())
                .put("fromSvcID", r.fromSvcID())
                .put("toSvcID", r.toSvcID())
                .put("fromRegion", r.fromRegion())
                .put("callSeq", r.callSeq())
                .put("callID", r.callID())
                .put("callDirection", r.callDirection())
                .put("callType", r.callType())
                .put("fromIP", r.fromIP())
                .put("callPrepareFromNum", r.callPrepareFromNum())
                .put("caller", r.caller())
                .put("callee", r.callee())
                .put("callDate", c.timestamp("", "callDate", r.callDate()))
                .put("callEndTime", c.timestamp("", "callEndTime", r.callEndTime()))
                .put("status", r.status())
                .put("lastResponseCode", r.lastResponseCode())
                .put("byeReason", r.byeReason())
                .put("releaseParty", r.releaseParty())
                .put("mediaType", r.mediaType())
                .put("isRecording", r.isRecording()));
    }

    @Override
    public String version(CallDetail record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(CallDetail record) {
        return true;
    }
}
