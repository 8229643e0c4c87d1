package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An enquiry-detail row; its status follows a generated timeline, and once closed its chat becomes available. */
record Enquiry(String id, String svcID, Instant createdAt, String inquiry, String displayCaseNumber, String tag,
               String visitor, String roomID, String initChannel, String ip, Phrasebook.Place place, String platform,
               String channel, Roster.Destination destination, String visitorName, List<String> labelIDs,
               List<Step> steps, int waitingSeconds, Roster.Staff agent, int chatSize) implements SimRecord {

    static final String ENDPOINT = "enquiry-detail";

    @Override
    public Instant windowTime() {
        return createdAt;
    }

    @Override
    public Instant visibleAt() {
        return createdAt;
    }

    String statusAt(Instant now) {
        return Step.current(steps, now).status();
    }

    /** When the enquiry is closed, or null if it never closes. */
    Instant closedAt() {
        Step last = steps.get(steps.size() - 1);
        return "closed".equals(last.status()) ? last.at() : null;
    }

    boolean closedBy(Instant now) {
        Instant closed = closedAt();
        return closed != null && !closed.isAfter(now);
    }

    int waitingSecondsAt(Instant now) {
        return waitingSeconds;
    }

    long durationSecondsAt(Instant now) {
        String status = statusAt(now);
        if ("closed".equals(status)) {
            return Duration.between(createdAt, closedAt()).toSeconds();
        }
        return "ongoing".equals(status) ? 0 : waitingSeconds;
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("uniqueKey", svcID + ":" + inquiry);
        g.writeStringField("createdAt", Timestamps.format(createdAt));
        g.writeStringField("svcID", svcID);
        g.writeStringField("inquiry", inquiry);
        g.writeStringField("tag", tag);
        g.writeStringField("visitor", visitor);
        g.writeStringField("roomID", roomID);
        g.writeStringField("initChannel", initChannel);
        g.writeStringField("omniType", "CINNOX");
        g.writeStringField("ip", ip);
        g.writeStringField("language", place.language());
        g.writeStringField("location", place.country());
        g.writeObjectFieldStart("locationDetail");
        g.writeStringField("regionCode", place.country());
        g.writeStringField("subdivision", place.subdivision());
        g.writeStringField("city", place.city());
        g.writeStringField("province", place.province());
        g.writeEndObject();
        g.writeStringField("platform", platform);
        g.writeStringField("status", statusAt(now));
        g.writeStringField("displayCaseNumber", displayCaseNumber);
        g.writeStringField("channel", channel);
        g.writeStringField("destinationID", destination.id());
        g.writeStringField("destinationName", destination.name());
        g.writeStringField("destinationType", destination.type());
        g.writeStringField("visitorName", visitorName);
        g.writeArrayFieldStart("labelIDs");
        for (String label : labelIDs) {
            g.writeString(label);
        }
        g.writeEndArray();
        g.writeNumberField("enquiryDuration", durationSecondsAt(now));
        g.writeStringField("deepLink", "https://" + svcID + "/dashboard/enquiry/" + displayCaseNumber);
        g.writeEndObject();
    }

    @Override
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        out.add(new Change(ENDPOINT, id, createdAt, "created with status " + steps.get(0).status()));
        Step.addChanges(out, ENDPOINT, id, "status", steps);
        Instant closed = closedAt();
        if (closed != null) {
            out.add(new Change("enquiry-chat", inquiry, closed, "chat of " + displayCaseNumber + " available ("
                    + chatSize + " messages)"));
        }
        return out;
    }
}
