package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** An sms-detail row; {@code carrierStatus} moves from Queued to Delivered/Undelivered and {@code updatedAt} follows. */
record Sms(String id, String fromEID, String toEID, String cid, String sender, String recipient,
           String recipientCountryCode, String status, String usage, String text, Instant createdAt, String smsID,
           boolean senderStaff, List<Step> carrierSteps) implements SimRecord {

    static final String ENDPOINT = "sms-detail";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    @Override
    public Instant windowTime() {
        return createdAt;
    }

    @Override
    public Instant visibleAt() {
        return createdAt;
    }

    /** 160 characters per part for plain ASCII text, 70 as soon as one character is not (UCS-2). */
    static int segments(String text) {
        boolean ascii = text.chars().allMatch(c -> c < 128);
        int length = text.codePointCount(0, text.length());
        int per = ascii ? 160 : 70;
        return Math.max(1, (length + per - 1) / per);
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        Step carrier = Step.current(carrierSteps, now);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("fromEID", fromEID);
        g.writeStringField("toEID", toEID);
        g.writeStringField("date", DAY.format(createdAt));
        g.writeStringField("cid", cid);
        g.writeNumberField("segmentCount", segments(text));
        g.writeStringField("sender", sender);
        g.writeStringField("recipient", recipient);
        g.writeStringField("recipientCountryCode", recipientCountryCode);
        g.writeStringField("status", status);
        g.writeStringField("carrierStatus", carrier.status());
        g.writeStringField("usage", usage);
        g.writeStringField("text", text);
        g.writeStringField("createdAt", Timestamps.format(createdAt));
        g.writeStringField("updatedAt", Timestamps.format(carrier.at()));
        g.writeStringField("smsID", smsID);
        g.writeBooleanField("isSenderStaff", senderStaff);
        g.writeBooleanField("isRecipientStaff", !toEID.isEmpty());
        g.writeEndObject();
    }

    @Override
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        out.add(new Change(ENDPOINT, id, createdAt, "created with carrierStatus " + carrierSteps.get(0).status()));
        Step.addChanges(out, ENDPOINT, id, "carrierStatus", carrierSteps);
        return out;
    }
}
