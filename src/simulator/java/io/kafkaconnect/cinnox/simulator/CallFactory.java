package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generates one day's 1-on-1 calls and conferences, their call-log rows and their recording files. */
final class CallFactory {

    private record Outcome(String status, String code, String bye) {
    }

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("Call Ended", "200", "Normal Clearing"), new Outcome("Call Ended", "200", "Normal Clearing"),
            new Outcome("Call Ended", "200", "Normal Clearing"), new Outcome("Not Answered", "408", "Request Timeout"),
            new Outcome("Declined", "603", "Decline"), new Outcome("Busy", "486", "Busy Here"),
            new Outcome("Cancelled", "487", "Request Terminated"), new Outcome("Abandoned", "200", "Caller Left"),
            new Outcome("Unreachable", "480", "Temporarily Unavailable"), new Outcome("Call Failed", "500", "Server Error"));

    private final long seed;
    private final Roster roster;
    private final DataSwitches switches;

    CallFactory(long seed, Roster roster, DataSwitches switches) {
        this.seed = seed;
        this.roster = roster;
        this.switches = switches;
    }

    /** Calls of the day; a quarter of them belong to one of {@code enquiries} (shown in their call-log row). */
    List<Call> calls(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "call");
        List<Instant> times = DayTimes.spread(rng, Instant.ofEpochSecond(epochDay * 86_400), count, switches.tieGroup());
        Rng longCalls = Rng.of(seed, roster.serviceAccountId(), epochDay, "long-call");
        List<Call> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean isLong = longCalls.chance(switches.longCallShare());
            out.add(call(rng, new IdCodec.Slot(epochDay, i), times.get(i), i + 1, isLong));
        }
        return out;
    }

    private Call call(Rng rng, IdCodec.Slot slot, Instant start, int callSeq, boolean isLong) {
        Outcome drawn = rng.pick(OUTCOMES);
        Outcome outcome = isLong ? OUTCOMES.get(0) : drawn;
        boolean connected = outcome.code().equals("200");
        Instant end = start.plusMillis(connected ? rng.between(5_000, 1_200_000) : rng.between(1_000, 40_000));
        if (isLong) {
            end = start.plus(switches.longCallDuration());
        }
        Roster.Staff from = roster.staff(rng);
        boolean offnet = rng.chance(0.6);
        Roster.Staff to = offnet ? null : roster.staff(rng);
        Phrasebook.Place place = rng.pick(Phrasebook.PLACES);
        String number = offnet ? rng.pick(roster.virtualNumbers()) : "";
        String remote = offnet ? place.phonePrefix() + rng.digits(place.phoneDigits()) : "";
        boolean inbound = offnet && rng.chance(0.5);
        String callID = IdCodec.uuid("call-", slot, rng);
        List<Recording> recordings = connected && rng.chance(0.4) ? recordings(rng, "call", callID, "", start, end)
                : List.of();
        return new Call(IdCodec.objectId(start, rng), "h-call-" + rng.hex(6), roster.serviceAccountId(),
                "room-" + rng.hex(16), callSeq, from.eid(), to == null ? "" : to.eid(),
                to == null ? "" : roster.serviceAccountId(), "HK", callID, inbound ? "Inbound" : "Outbound",
                offnet ? (rng.chance(0.2) ? "smartcall" : "offnet") : "onnet", rng.ip(), number,
                inbound ? remote : number, inbound ? number : remote, start, end, outcome.status(), outcome.code(),
                outcome.bye(), connected ? (rng.chance(0.5) ? from.eid() : "") : "", rng.chance(0.8) ? "audio" : "video",
                end.plusMillis(rng.between(2_000, 120_000)), recordings);
    }

    List<Conference> conferences(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "conference");
        List<Instant> times = DayTimes.spread(rng, Instant.ofEpochSecond(epochDay * 86_400), count, switches.tieGroup());
        Rng longConferences = Rng.of(seed, roster.serviceAccountId(), epochDay, "long-conference");
        List<Conference> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean isLong = longConferences.chance(switches.longCallShare());
            out.add(conference(rng, new IdCodec.Slot(epochDay, i), times.get(i), isLong));
        }
        return out;
    }

    private Conference conference(Rng rng, IdCodec.Slot slot, Instant start, boolean isLong) {
        Instant drawnEnd = start.plusMillis(rng.between(60_000, 1_200_000));
        Instant end = isLong ? start.plus(switches.longCallDuration()) : drawnEnd;
        Roster.Staff host = roster.staff(rng);
        String roomID = "room-conf-" + rng.hex(6);
        List<Conference.Participant> participants = new ArrayList<>();
        participants.add(new Conference.Participant(host.eid(), "joined", "owner"));
        List<Conference.Leg> legs = new ArrayList<>();
        List<String> joins = List.of("joined", "leave", "rejected", "invited", "block");
        for (int i = 0, n = rng.between(1, 5); i < n; i++) {
            Roster.Staff guest = roster.staff(rng);
            String join = rng.pick(joins);
            participants.add(new Conference.Participant(guest.eid(), join, ""));
            if (join.equals("joined") || join.equals("leave")) {
                Instant legStart = start.plusMillis(rng.between(0, 20_000));
                Instant legEnd = join.equals("leave") ? legStart.plusMillis(
                        rng.between(1_000, (int) Math.max(1_001, end.toEpochMilli() - legStart.toEpochMilli()))) : end;
                legs.add(new Conference.Leg("h-conf-leg-" + rng.hex(6), guest.eid(), "call-leg-" + rng.hex(8),
                        "onnet", "Normal Clearing", legStart, legEnd.isAfter(end) ? end : legEnd));
            }
        }
        String id = IdCodec.uuid("conf-", slot, rng);
        List<Recording> recordings = rng.chance(0.3) ? recordings(rng, "conference", "", id, start, end) : List.of();
        return new Conference(id, roomID, host.eid(), roster.serviceAccountId(), start.minusMillis(rng.between(100, 900)),
                start, end, rng.pick(Phrasebook.SUBJECTS), List.copyOf(participants), List.copyOf(legs),
                end.plusMillis(rng.between(2_000, 120_000)), recordings);
    }

    private List<Recording> recordings(Rng rng, String type, String callID, String conferenceID, Instant start,
                                       Instant end) {
        int total = (int) Math.max(1, (end.toEpochMilli() - start.toEpochMilli()) / 1000);
        int files = rng.chance(0.25) ? 2 : 1;
        String owner = callID.isEmpty() ? conferenceID : callID;
        List<Recording> out = new ArrayList<>(files);
        for (int i = 1; i <= files; i++) {
            int duration = files == 1 ? total : (i == 1 ? Math.max(1, total - 12) : Math.min(total, 12));
            out.add(new Recording("recf-" + rng.hex(10), type, callID, conferenceID,
                    "rec_" + owner.substring(0, Math.min(owner.length(), 13)) + "_" + i + ".mp3", duration,
                    duration * 8_000L, readyAt(end, rng.between(10_000, 90_000) + i * 1_500L, i),
                    roster.serviceAccountId(), rng.hex(6)));
        }
        return List.copyOf(out);
    }

    /** When a recording file is ready: the drawn lag after the end, or the configured delay plus a second per file. */
    private Instant readyAt(Instant end, long drawnLagMillis, int file) {
        Duration delay = switches.recordingDelay();
        return delay == null ? end.plusMillis(drawnLagMillis) : end.plus(delay).plusSeconds(file - 1L);
    }

    /** The call-log row of a call; linked to {@code enquiry} when it is non-null. */
    CallLogRow logRow(Call c, Enquiry enquiry, Rng rng) {
        Roster.Staff from = roster.staff().stream().filter(s -> s.eid().equals(c.fromEID())).findFirst().orElseThrow();
        Party staff = new Party("HK", from.name(), from.eid(), true, c.prepareFromNum(), roster.serviceAccountId());
        Party other;
        if (c.toEID().isEmpty()) {
            String remote = c.direction().equals("Inbound") ? c.caller() : c.callee();
            other = new Party(rng.pick(Phrasebook.PLACES).country(), remote, "", false, remote, "");
        } else {
            Roster.Staff to = roster.staff().stream().filter(s -> s.eid().equals(c.toEID())).findFirst().orElseThrow();
            other = new Party("HK", to.name(), to.eid(), true, "", roster.serviceAccountId());
        }
        boolean inbound = c.direction().equals("Inbound");
        return new CallLogRow("h-log-" + rng.hex(12), c.roomID(), "call", c.status(),
                enquiry == null ? "" : enquiry.inquiry(), enquiry == null ? "" : enquiry.displayCaseNumber(),
                c.callID(), c.callDate(), c.callEndTime(), c.byeReason(), c.releaseParty().isEmpty() ? "" : "Caller",
                c.prepareFromNum(), c.mediaType(), inbound ? other : staff, inbound ? staff : other, c.visibleAt());
    }

    CallLogRow logRow(Conference c, Rng rng) {
        Roster.Staff host = roster.staff().stream().filter(s -> s.eid().equals(c.fromEID())).findFirst().orElseThrow();
        Roster.Staff guest = roster.staff(rng);
        return new CallLogRow("h-log-" + rng.hex(12), c.roomID(), "conference", "Call Ended", "", "", c.conferenceID(),
                c.callDate(), c.callEndTime(), "Normal Clearing", rng.chance(0.5) ? "Caller" : "Callee", "",
                rng.chance(0.5) ? "audio" : "video",
                new Party("HK", host.name(), host.eid(), true, "", roster.serviceAccountId()),
                new Party("HK", guest.name(), guest.eid(), true, "", roster.serviceAccountId()), c.visibleAt());
    }
}
