package io.kafkaconnect.cinnox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

    private static final Expected EXPECTED = Expected.of(FROM, TO, Map.of(
            "call-log", Map.of("a", "", "b", "", "c", ""),
            "enquiry-detail", Map.of("e1", "closed", "e2", "closed")));

    @Test
    void cleanDeliveryHasNothingToReport() {
        DeliveryCheck.Result r = DeliveryCheck.compare(EXPECTED, Map.of(
                "call-log", Map.of("a", List.of(""), "b", List.of(""), "c", List.of("")),
                "enquiry-detail", Map.of("e1", List.of("ongoing", "closed"), "e2", List.of("closed"))));
        assertEquals(List.of(5, 0, 0, 0, 0), List.of(r.expected(), r.lost(), r.duplicated(), r.stale(), r.outside()));
    }

    @Test
    void countsLostDuplicatedStaleAndOutside() {
        DeliveryCheck.Result r = DeliveryCheck.compare(EXPECTED, Map.of(
                "call-log", Map.of("a", List.of("", "", ""), "b", List.of(""), "z", List.of("")),
                "enquiry-detail", Map.of("e1", List.of("closed", "closed"), "e2", List.of("closed", "ongoing"))));
        assertEquals(1, r.lost(), "c never arrived");
        assertEquals(3, r.duplicated(), "two extra copies of a, one of e1 in the same version");
        assertEquals(1, r.stale(), "e2 ended on an older version");
        assertEquals(1, r.outside(), "z is not in the span");
        assertEquals(List.of("c"), r.reports().get("call-log").lostExamples());
    }
}
