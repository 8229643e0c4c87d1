package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** One side of a call-log row ({@code callerInfo} / {@code calleeInfo}). */
record Party(String countryCode, String displayName, String eid, boolean isStaff, String phoneNumber, String serviceId) {

    void write(JsonGenerator g, String field) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("countryCode", countryCode);
        g.writeStringField("displayName", displayName);
        g.writeStringField("eid", eid);
        g.writeBooleanField("isStaff", isStaff);
        g.writeStringField("phoneNumber", phoneNumber);
        g.writeStringField("serviceId", serviceId);
        g.writeEndObject();
    }
}
