package io.kafkaconnect.cinnox.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything one service account has on one UTC day, each list in served order (window field, then id). */
record DayData(List<Enquiry> enquiries, List<Call> calls, List<CallLogRow> callLog, List<Conference> conferences,
               List<Sms> sms, List<Campaign> campaigns) {

    static final DayData EMPTY = new DayData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    static final Comparator<SimRecord> SERVED_ORDER =
            Comparator.comparing(SimRecord::windowTime).thenComparing(SimRecord::id);

    static DayData generate(long seed, Roster roster, Volume volume, long epochDay, DataSwitches switches) {
        EnquiryFactory enquiryFactory = new EnquiryFactory(seed, roster, switches);
        CallFactory callFactory = new CallFactory(seed, roster, switches);
        MessagingFactory messaging = new MessagingFactory(seed, roster, switches.tieGroup());
        List<Enquiry> enquiries = enquiryFactory.day(epochDay, volume.enquiries());
        List<Call> calls = callFactory.calls(epochDay, volume.calls());
        List<Conference> conferences = callFactory.conferences(epochDay, volume.conferences());
        List<Enquiry> callEnquiries = enquiries.stream().filter(e -> e.initChannel().equals("CALL")).toList();
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "call-log");
        List<CallLogRow> log = new ArrayList<>(calls.size() + conferences.size());
        for (Call c : calls) {
            Enquiry linked = !callEnquiries.isEmpty() && rng.chance(0.25) ? rng.pick(callEnquiries) : null;
            log.add(callFactory.logRow(c, linked, rng));
        }
        for (Conference c : conferences) {
            log.add(callFactory.logRow(c, rng));
        }
        return new DayData(sorted(enquiries), sorted(calls), sorted(log), sorted(conferences),
                sorted(messaging.sms(epochDay, volume.sms())), sorted(messaging.campaigns(epochDay, volume.campaigns())));
    }

    private static <T extends SimRecord> List<T> sorted(List<T> records) {
        List<T> copy = new ArrayList<>(records);
        copy.sort(SERVED_ORDER);
        return List.copyOf(copy);
    }

    /** The rows of a windowed endpoint. */
    List<? extends SimRecord> rows(Endpoint endpoint) {
        return switch (endpoint) {
            case ENQUIRY_DETAIL, ENQUIRY_OVERVIEW -> enquiries;
            case CALL_DETAIL -> calls;
            case CALL_LOG -> callLog;
            case CONFERENCE_DETAIL -> conferences;
            case SMS_DETAIL -> sms;
            case SENT_CAMPAIGNS_SUMMARY -> campaigns;
            default -> throw new IllegalArgumentException(endpoint + " is not windowed");
        };
    }

    List<SimRecord> all() {
        List<SimRecord> out = new ArrayList<>();
        out.addAll(enquiries);
        out.addAll(calls);
        out.addAll(callLog);
        out.addAll(conferences);
        out.addAll(sms);
        out.addAll(campaigns);
        return out;
    }
}
