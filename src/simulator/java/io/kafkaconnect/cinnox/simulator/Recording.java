package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A recording-file row of a recorded call or conference; its download URL is minted per request and valid one hour. */
record Recording(String id, String type, String callID, String conferenceID, String fileName, int duration,
                 long fileSize, Instant createdAt, String svcID, String signature) {

    void write(JsonGenerator g, Instant now) throws IOException {
        Instant expires = now.truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", type);
        g.writeStringField("callID", callID);
        g.writeStringField("conferenceID", conferenceID);
        g.writeStringField("fileName", fileName);
        g.writeStringField("fileURL", "https://storage.example-cinnox-cdn.com/rec/" + svcID.split("\\.")[0] + "/" + id
                + ".mp3?X-Expires=" + expires.getEpochSecond() + "&X-Signature=" + signature);
        g.writeStringField("expiredAt", Timestamps.format(expires));
        g.writeNumberField("duration", duration);
        g.writeNumberField("fileSize", fileSize);
        g.writeStringField("createdAt", Timestamps.format(createdAt));
        g.writeEndObject();
    }
}
