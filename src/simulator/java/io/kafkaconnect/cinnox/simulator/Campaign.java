package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sent-campaigns-summary row; its counters are derived from the per-recipient status timelines at the sim time. */
record Campaign(String id, Instant date, String name, String channel, String createdBy, String senderPhone,
                String channelName, String sourceName, String senderEID, String subject, String content,
                List<Recipient> recipients) implements SimRecord {

    static final String ENDPOINT = "sent-campaigns-summary";
    static final String DETAIL_ENDPOINT = "sent-campaigns-detail";

    /** One recipient of the campaign and the statuses its message goes through. */
    record Recipient(String recipient, String country, List<Step> steps, String failedReason) {
    }

    boolean whatsApp() {
        return channel.equals("WhatsApp");
    }

    @Override
    public Instant windowTime() {
        return date;
    }

    @Override
    public Instant visibleAt() {
        return date;
    }

    @Override
    public void write(JsonGenerator g, Instant now) throws IOException {
        int delivered = 0;
        int read = 0;
        int replied = 0;
        int failed = 0;
        int pending = 0;
        for (Recipient r : recipients) {
            switch (Step.current(r.steps(), now).status()) {
                case "Delivered" -> delivered++;
                case "Read" -> { delivered++; read++; }
                case "Replied" -> { delivered++; read++; replied++; }
                case "Undelivered", "Failed" -> failed++;
                default -> pending++;
            }
        }
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("date", Timestamps.format(date));
        g.writeStringField("campaignName", name);
        g.writeStringField("channel", channel);
        g.writeStringField("createdBy", createdBy);
        writeSender(g);
        g.writeStringField("subject", subject);
        g.writeNumberField("totalRecipients", recipients.size());
        g.writeNumberField("delivered", delivered);
        g.writeNumberField("read", read);
        g.writeNumberField("replied", replied);
        g.writeNumberField("failed", failed);
        g.writeNumberField("pending", pending);
        g.writeEndObject();
    }

    private void writeSender(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("sender");
        g.writeStringField("phone", senderPhone);
        g.writeStringField("channelName", channelName);
        g.writeStringField("sourceName", sourceName);
        g.writeStringField("senderEID", senderEID);
        g.writeEndObject();
    }

    void writeRecipient(JsonGenerator g, Recipient r, Instant now) throws IOException {
        Step step = Step.current(r.steps(), now);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("date", Timestamps.format(date));
        writeSender(g);
        g.writeStringField("recipient", r.recipient());
        g.writeStringField("recipientCountry", whatsApp() ? "" : r.country());
        g.writeStringField("subject", subject);
        g.writeStringField("content", whatsApp() ? "" : content);
        g.writeNumberField("numSMS", whatsApp() ? 0 : Sms.segments(content));
        g.writeStringField("status", step.status());
        g.writeStringField("carrierNetworkStatus", whatsApp() ? "" : carrierNetworkStatus(step.status()));
        g.writeStringField("failedReason", step.status().equals("Failed") ? r.failedReason() : "");
        g.writeStringField("LastUpdatedDateTime", Timestamps.format(step.at()));
        g.writeEndObject();
    }

    private static String carrierNetworkStatus(String status) {
        return switch (status) {
            case "Delivered" -> "DELIVRD";
            case "Undelivered" -> "UNDELIV";
            case "Submitted" -> "ENROUTE";
            default -> "";
        };
    }

    @Override
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        out.add(new Change(ENDPOINT, id, date, "campaign sent to " + recipients.size() + " recipients"));
        for (Recipient r : recipients) {
            String key = id + "/" + r.recipient();
            Step.addChanges(out, DETAIL_ENDPOINT, key, "status", r.steps());
            for (int i = 1; i < r.steps().size(); i++) {
                out.add(new Change(ENDPOINT, id, r.steps().get(i).at(), "counters changed (" + r.recipient() + ")"));
            }
        }
        return out;
    }
}
