package io.kafkaconnect.cinnox.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaconnect.cinnox.report.Report;
import org.junit.jupiter.api.Test;

/** The client calls every report at the route its descriptor ({@link Report#endpoint()}) holds. */
class ReportRoutesTest {

    @Test
    void everyReportIsCalledAtTheRouteItsDescriptorHolds() {
        for (Report report : Report.values()) {
            FuzzCheck.Target target = FuzzCheck.TARGETS.stream().filter(t -> t.endpoint().equals(report.endpoint()))
                    .findFirst().orElseThrow(() -> new AssertionError("no client call for " + report));
            try (MockApi api = new MockApi()) {
                api.enqueue(200, "{\"code\":6451003,\"message\":\"No records\"}");
                try {
                    target.call().apply(api.client(), 1);
                } catch (CinnoxApiException ignored) {
                    // Only the route asked matters here.
                }
                String asked = api.take().getTarget();
                assertEquals("/v1/api/apps/" + MockApi.APP_ID + "/" + report.endpoint().path(),
                        asked.contains("?") ? asked.substring(0, asked.indexOf('?')) : asked, report.toString());
            }
        }
    }
}
