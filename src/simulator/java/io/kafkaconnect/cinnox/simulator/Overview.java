package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.List;

/** The enquiry overview matrix: counts by current status and average times over the enquiries of a window. */
final class Overview {

    private Overview() {
    }

    static JsonItem of(List<Enquiry> enquiries, Instant from, Instant to, Instant now) {
        int ongoing = 0;
        int followed = 0;
        int missed = 0;
        int closed = 0;
        long waiting = 0;
        long handling = 0;
        for (Enquiry e : enquiries) {
            waiting += e.waitingSecondsAt(now);
            switch (e.statusAt(now)) {
                case "ongoing" -> ongoing++;
                case "followed-up" -> followed++;
                case "missed" -> missed++;
                default -> {
                    closed++;
                    handling += e.durationSecondsAt(now);
                }
            }
        }
        double avgWaiting = enquiries.isEmpty() ? 0 : round(waiting / (double) enquiries.size());
        double avgHandling = closed == 0 ? 0 : round(handling / (double) closed);
        int total = enquiries.size();
        int[] counts = {ongoing, followed, missed, closed};
        return g -> {
            g.writeStartObject();
            g.writeStringField("startAt", Timestamps.format(from));
            g.writeStringField("endAt", Timestamps.format(to));
            g.writeNumberField("totalEnquiries", total);
            g.writeNumberField("ongoingEnquiries", counts[0]);
            g.writeNumberField("followedUpEnquiries", counts[1]);
            g.writeNumberField("missedEnquiries", counts[2]);
            g.writeNumberField("closedEnquiries", counts[3]);
            g.writeNumberField("averageWaitingTime", avgWaiting);
            g.writeNumberField("averageHandlingTime", avgHandling);
            g.writeEndObject();
        };
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
