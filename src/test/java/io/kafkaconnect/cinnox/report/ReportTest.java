package io.kafkaconnect.cinnox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void namesRoundTrip() {
        for (Report report : Report.values()) {
            assertEquals(report, Report.require(report.apiName()));
        }
        assertEquals(12, Report.names().size());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.require("calls"));
        assertTrue(e.getMessage().contains("enquiry-detail"), e.getMessage());
    }

    @Test
    void childReportsNameTheirParents() {
        assertEquals(List.of(Report.ENQUIRY_DETAIL), Report.ENQUIRY_CHAT.parents());
        assertEquals(List.of(Report.CALL_DETAIL, Report.CONFERENCE_DETAIL), Report.RECORDING_FILE.parents());
        assertEquals(List.of(Report.SENT_CAMPAIGNS_SUMMARY), Report.SENT_CAMPAIGNS_DETAIL.parents());
        for (Report report : Report.values()) {
            assertEquals(report.kind() == Report.Kind.CHILD, !report.parents().isEmpty(), report.apiName());
        }
    }
}
