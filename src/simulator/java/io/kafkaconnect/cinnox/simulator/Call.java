package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A 1-on-1 call-detail row; served only once the call ended and its row was written. */
record Call(String id, String hid, String svcID, String roomID, int callSeq, String fromEID, String toEID,
            String toSvcID, String fromRegion, String callID, String direction, String callType, String fromIP,
            String prepareFromNum, String caller, String callee, Instant callDate, Instant callEndTime, String status,
            String lastResponseCode, String byeReason, String releaseParty, String mediaType, Instant visibleAt,
            List<Recording> recordings) implements SimRecord {

    static final String ENDPOINT = "call-detail";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Override
    public Instant windowTime() {
        return callDate;
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("hid", hid);
        g.writeStringField("svcID", svcID);
        g.writeStringField("date", DAY.format(callDate));
        g.writeStringField("roomID", roomID);
        g.writeNumberField("seq", 1);
        g.writeStringField("type", "call");
        g.writeStringField("fromEID", fromEID);
        g.writeStringField("toEID", toEID);
        g.writeStringField("fromSvcID", svcID);
        g.writeStringField("toSvcID", toSvcID);
        g.writeStringField("fromRegion", fromRegion);
        g.writeNumberField("callSeq", callSeq);
        g.writeStringField("callID", callID);
        g.writeStringField("callDirection", direction);
        g.writeStringField("callType", callType);
        g.writeStringField("fromIP", fromIP);
        g.writeStringField("callPrepareFromNum", prepareFromNum);
        g.writeStringField("caller", caller);
        g.writeStringField("callee", callee);
        g.writeStringField("callDate", Timestamps.format(callDate));
        g.writeStringField("callEndTime", Timestamps.format(callEndTime));
        g.writeStringField("status", status);
        g.writeStringField("lastResponseCode", lastResponseCode);
        g.writeStringField("byeReason", byeReason);
        g.writeStringField("releaseParty", releaseParty);
        g.writeStringField("mediaType", mediaType);
        g.writeBooleanField("isRecording", !recordings.isEmpty());
        g.writeEndObject();
    }

    @Override
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        out.add(new Change(ENDPOINT, id, visibleAt, "call " + callID + " visible (" + status + ")"));
        for (Recording r : recordings) {
            out.add(new Change("recording-file", r.id(), r.createdAt(), "recording of " + callID + " available"));
        }
        return out;
    }
}
