package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A conference-detail row in the union of both documented shapes; served once the conference ended. */
record Conference(String conferenceID, String roomID, String fromEID, String svcID, Instant createdAt,
                  Instant callDate, Instant callEndTime, String subject, List<Participant> participants, List<Leg> legs,
                  Instant visibleAt, List<Recording> recordings) implements SimRecord {

    static final String ENDPOINT = "conference-detail";

    record Participant(String eid, String joinStatus, String roomRole) {
    }

    record Leg(String hid, String toEID, String callID, String callType, String byeReason, Instant start, Instant end) {
    }

    @Override
    public String id() {
        return conferenceID;
    }

    @Override
    public Instant windowTime() {
        return callDate;
    }

    long durationSeconds() {
        return Duration.between(callDate, callEndTime).toSeconds();
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("conferenceID", conferenceID);
        g.writeStringField("roomID", roomID);
        g.writeStringField("fromEID", fromEID);
        g.writeStringField("status", "Success");
        g.writeStringField("createdAt", Timestamps.format(createdAt));
        g.writeStringField("callDate", Timestamps.format(callDate));
        g.writeNumberField("callDuration", durationSeconds());
        g.writeNumberField("callDurationMin", (durationSeconds() + 59) / 60);
        g.writeObjectFieldStart("conferenceDetail");
        g.writeStringField("subject", subject);
        g.writeArrayFieldStart("participants");
        for (Participant p : participants) {
            g.writeStartObject();
            g.writeStringField("eid", p.eid());
            g.writeStringField("joinStatus", p.joinStatus());
            g.writeStringField("roomRole", p.roomRole());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("callConferenceList");
        for (Leg leg : legs) {
            writeLeg(g, leg);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeLeg(JsonGenerator g, Leg leg) throws IOException {
        g.writeStartObject();
        g.writeStringField("hid", leg.hid());
        g.writeStringField("roomID", roomID);
        g.writeStringField("fromEID", fromEID);
        g.writeStringField("toEID", leg.toEID());
        g.writeStringField("fromSvcID", svcID);
        g.writeObjectFieldStart("content");
        g.writeStringField("byeReason", leg.byeReason());
        g.writeNumberField("callDuration", Duration.between(leg.start(), leg.end()).toSeconds());
        g.writeStringField("callStartTime", Timestamps.format(leg.start()));
        g.writeStringField("callEndTime", Timestamps.format(leg.end()));
        g.writeStringField("callID", leg.callID());
        g.writeStringField("callType", leg.callType());
        g.writeObjectFieldStart("from");
        g.writeStringField("eid", fromEID);
        g.writeEndObject();
        g.writeObjectFieldStart("to");
        g.writeStringField("eid", leg.toEID());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        out.add(new Change(ENDPOINT, conferenceID, visibleAt, "conference visible"));
        for (Recording r : recordings) {
            out.add(new Change("recording-file", r.id(), r.createdAt(), "recording of " + conferenceID + " available"));
        }
        return out;
    }
}
