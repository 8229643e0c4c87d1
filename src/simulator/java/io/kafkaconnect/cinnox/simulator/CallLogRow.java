package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A call-log row, describing either a 1-on-1 call or a conference; visible together with the row it summarises. */
record CallLogRow(String hid, String roomID, String type, String status, String inquiryID, String displayCaseNumber,
                  String callID, Instant callDate, Instant callEndTime, String byeReason, String releaseParty,
                  String virtualNumber, String mediaType, Party caller, Party callee, Instant visibleAt)
        implements SimRecord {

    static final String ENDPOINT = "call-log";

    @Override
    public String id() {
        return hid;
    }

    @Override
    public Instant windowTime() {
        return callDate;
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("hid", hid);
        g.writeStringField("roomID", roomID);
        g.writeStringField("type", type);
        g.writeStringField("status", status);
        g.writeStringField("inquiryID", inquiryID);
        g.writeStringField("displayCaseNumber", displayCaseNumber);
        g.writeStringField("callID", callID);
        g.writeNumberField("callDuration", Duration.between(callDate, callEndTime).toSeconds());
        g.writeStringField("callDate", Timestamps.format(callDate));
        g.writeStringField("callEndTime", Timestamps.format(callEndTime));
        g.writeStringField("byeReason", byeReason);
        g.writeStringField("releaseParty", releaseParty);
        g.writeStringField("virtualNumber", virtualNumber);
        g.writeStringField("mediaType", mediaType);
        caller.write(g, "callerInfo");
        callee.write(g, "calleeInfo");
        g.writeEndObject();
    }

    @Override
    public List<Change> changes() {
        return List.of(new Change(ENDPOINT, hid, visibleAt, type + " " + callID + " visible"));
    }
}
