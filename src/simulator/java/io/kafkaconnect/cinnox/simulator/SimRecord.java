package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** A generated report row: immutable facts plus a timeline, rendered as JSON the way it looks at a given sim-clock instant. */
interface SimRecord {

    /** The endpoint's dedupe id, also the tie-break of the served order. */
    String id();

    /** The value of the endpoint's window field. */
    Instant windowTime();

    /** From this instant on the row is served (calls: after they ended). */
    Instant visibleAt();

    void write(JsonGenerator g, Instant now) throws IOException;

    /** Every change of this row over its whole life, including ones after the current sim time. */
    List<Change> changes();
}
