package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.Map;

/** A validated report request: window (null when the endpoint has none), paging, and the remaining parameters. */
record ReportQuery(Endpoint endpoint, Instant from, Instant to, int offset, int limit, boolean pagingRequested,
                   Map<String, String> parameters) {

    String parameter(String name) {
        return parameters.get(name);
    }
}
