package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;

/** One enquiry-chat row (a message of a closed enquiry's room). */
record ChatMessage(String hid, String svcID, String roomID, int seq, String fromEID, String region, String device,
                   String session, boolean system, String msgID, String text, int type, String eventType,
                   String replySeqs, String inquiryID, Instant createdAt) {

    private static String contentType(int type) {
        return switch (type) {
            case 2 -> "TYPE_FILE";
            case 5 -> "TYPE_ADVANCED";
            default -> "TYPE_TEXT";
        };
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("hid", hid);
        g.writeStringField("roomID", roomID);
        g.writeNumberField("seq", seq);
        g.writeStringField("type", "IM");
        g.writeStringField("fromEID", fromEID);
        g.writeStringField("toEID", roomID);
        g.writeStringField("fromSvcID", svcID);
        g.writeStringField("fromRegion", region);
        g.writeObjectFieldStart("content");
        g.writeObjectFieldStart("from");
        g.writeStringField("device", device);
        g.writeStringField("eid", fromEID);
        g.writeStringField("omniType", "CINNOX");
        g.writeStringField("region", region);
        g.writeStringField("service", svcID);
        g.writeStringField("session", session);
        g.writeBooleanField("system", system);
        g.writeEndObject();
        g.writeStringField("id", msgID);
        g.writeObjectFieldStart("msg");
        g.writeNumberField("channel", 0);
        g.writeStringField("text", text);
        g.writeNumberField("type", type);
        g.writeEndObject();
        g.writeStringField("plainText", "");
        g.writeStringField("replySeqs", replySeqs);
        g.writeNumberField("retry", 0);
        g.writeNumberField("seq", seq);
        g.writeStringField("service", svcID);
        g.writeObjectFieldStart("to");
        g.writeStringField("device", "");
        g.writeStringField("eid", roomID);
        g.writeStringField("inquiry", inquiryID);
        g.writeStringField("room", roomID);
        g.writeNumberField("seq", seq);
        g.writeEndObject();
        g.writeNumberField("ts", createdAt.toEpochMilli());
        g.writeNumberField("type", type);
        g.writeStringField("version", "2");
        g.writeEndObject();
        g.writeStringField("upsertType", "insert");
        g.writeStringField("createdAt", Timestamps.format(createdAt));
        g.writeStringField("inquiryID", inquiryID);
        g.writeStringField("msgID", msgID);
        g.writeStringField("msgContentType", contentType(type));
        g.writeStringField("msgEventType", eventType);
        g.writeStringField("msgText", text);
        g.writeNumberField("callDuration", 0);
        g.writeNumberField("callDurationMin", 0);
        g.writeStringField("encryptSec", "");
        g.writeEndObject();
    }
}
