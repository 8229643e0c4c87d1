package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generates one day's enquiries (with their status timelines) and, on demand, the chat of a closed enquiry. */
final class EnquiryFactory {

    private static final List<String> CHANNELS = List.of(
            "Weblink", "Weblink", "WHATSAPP", "VirtualNumber", "FACEBOOK", "WECHAT", "LINE", "Email", "ThirdParty", "WOZTELL");

    private final long seed;
    private final Roster roster;
    private final DataSwitches switches;

    EnquiryFactory(long seed, Roster roster, DataSwitches switches) {
        this.seed = seed;
        this.roster = roster;
        this.switches = switches;
    }

    List<Enquiry> day(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "enquiry");
        Instant dayStart = Instant.ofEpochSecond(epochDay * 86_400);
        List<Instant> times = DayTimes.spread(rng, dayStart, count, switches.tieGroup());
        Rng late = Rng.of(seed, roster.serviceAccountId(), epochDay, "late-close");
        List<Enquiry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(enquiry(rng, new IdCodec.Slot(epochDay, i), times.get(i), late.chance(switches.lateCloseShare())));
        }
        return out;
    }

    private Enquiry enquiry(Rng rng, IdCodec.Slot slot, Instant createdAt, boolean lateClose) {
        String channel = rng.pick(CHANNELS);
        String init = channel.equals("VirtualNumber") ? "CALL" : "IM";
        Phrasebook.Place place = rng.pick(Phrasebook.PLACES);
        String visitor = "vis-" + place.country() + "-" + visitorKind(channel) + "-" + rng.between(100, 999);
        int waiting = init.equals("CALL") ? rng.between(5, 90) : rng.between(3, 60);
        List<Step> steps = timeline(rng, createdAt, waiting);
        if (lateClose) {
            steps = List.of(new Step(createdAt, "ongoing"), new Step(createdAt.plus(switches.lateCloseAfter()), "closed"));
        }
        List<String> labels = new ArrayList<>();
        for (String label : Phrasebook.LABELS) {
            if (rng.chance(0.15)) {
                labels.add(label);
            }
        }
        int chatSize = rng.chance(0.03) ? rng.between(40, 80) : rng.between(4, 14);
        return new Enquiry(IdCodec.objectId(createdAt, rng), roster.serviceAccountId(), createdAt,
                IdCodec.uuid("", slot, rng), IdCodec.caseNumber(slot), rng.pick(roster.tags()), visitor,
                "room-" + rng.hex(16), init, channel.equals("Weblink") ? rng.ip() : "", place,
                platform(rng, channel), channel, rng.pick(roster.destinations()), rng.pick(Phrasebook.VISITOR_NAMES),
                List.copyOf(labels), steps, waiting, roster.staff(rng), chatSize);
    }

    private static List<Step> timeline(Rng rng, Instant createdAt, int waitingSeconds) {
        double kind = rng.unit();
        List<Step> steps = new ArrayList<>();
        if (kind < 0.2) {
            steps.add(new Step(createdAt, "missed"));
            Instant followed = createdAt.plus(Duration.ofMinutes(rng.between(10, 180)));
            steps.add(new Step(followed, "followed-up"));
            steps.add(new Step(followed.plus(Duration.ofMinutes(rng.between(5, 120))), "closed"));
        } else if (kind < 0.27) {
            steps.add(new Step(createdAt, "ongoing"));
            steps.add(new Step(createdAt.plus(Duration.ofHours(rng.between(6, 48))), "closed"));
        } else {
            steps.add(new Step(createdAt, "ongoing"));
            steps.add(new Step(createdAt.plusSeconds(waitingSeconds + rng.between(120, 3600)), "closed"));
        }
        return List.copyOf(steps);
    }

    private static String visitorKind(String channel) {
        return switch (channel) {
            case "WHATSAPP" -> "wa";
            case "VirtualNumber" -> "pstn";
            case "Email" -> "mail";
            case "Weblink" -> "web";
            default -> "social";
        };
    }

    private static String platform(Rng rng, String channel) {
        return switch (channel) {
            case "WHATSAPP" -> "WhatsApp";
            case "VirtualNumber" -> "PSTN";
            case "WECHAT" -> "WeChat";
            case "LINE" -> "LINE";
            case "FACEBOOK" -> "Facebook Messenger";
            case "Email" -> "Email";
            default -> rng.pick(Phrasebook.PLATFORMS.subList(0, 5));
        };
    }
}
