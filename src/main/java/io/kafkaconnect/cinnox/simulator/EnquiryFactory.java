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

    EnquiryFactory(long seed, Roster roster) {
        this.seed = seed;
        this.roster = roster;
    }

    List<Enquiry> day(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "enquiry");
        Instant dayStart = Instant.ofEpochSecond(epochDay * 86_400);
        List<Instant> times = DayTimes.spread(rng, dayStart, count);
        List<Enquiry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(enquiry(rng, new IdCodec.Slot(epochDay, i), times.get(i)));
        }
        return out;
    }

    private Enquiry enquiry(Rng rng, IdCodec.Slot slot, Instant createdAt) {
        String channel = rng.pick(CHANNELS);
        String init = channel.equals("VirtualNumber") ? "CALL" : "IM";
        Phrasebook.Place place = rng.pick(Phrasebook.PLACES);
        String visitor = "vis-" + place.country() + "-" + visitorKind(channel) + "-" + rng.between(100, 999);
        int waiting = init.equals("CALL") ? rng.between(5, 90) : rng.between(3, 60);
        List<Step> steps = timeline(rng, createdAt, waiting);
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

    /** The chat of {@code e}: messages spread between its creation and its close, ordered by seq. */
    List<ChatMessage> chat(Enquiry e) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), 0, "chat:" + e.inquiry());
        Instant end = e.closedAt() != null ? e.closedAt() : e.createdAt().plus(Duration.ofMinutes(30));
        long span = Math.max(e.chatSize(), Duration.between(e.createdAt(), end).toMillis());
        String region = e.place().country();
        String visitorDevice = "web-" + rng.hex(4);
        String visitorSession = "sess-" + rng.hex(6);
        String staffDevice = "web-" + rng.hex(4);
        List<ChatMessage> out = new ArrayList<>(e.chatSize());
        for (int seq = 1; seq <= e.chatSize(); seq++) {
            Instant at = e.createdAt().plusMillis(span * (seq - 1) / e.chatSize() + rng.between(0, 999));
            String msgId = "msg-" + String.format("%04d", seq) + "-" + rng.hex(4);
            String hid = "h-" + e.id().substring(0, 8) + "-" + String.format("%04d", seq);
            if (seq == 1) {
                out.add(new ChatMessage(hid, e.svcID(), e.roomID(), seq, e.visitor(), region, visitorDevice,
                        visitorSession, false, msgId, "Name: " + e.visitorName() + " / Email: visitor"
                        + rng.digits(3) + "@example.com", 5, "TYPE_PRECHAT", "", e.inquiry(), at));
            } else if (seq == 3 || seq == e.chatSize()) {
                String text = seq == 3 ? e.agent().name() + " joined the enquiry." : "The enquiry was closed.";
                out.add(new ChatMessage(hid, e.svcID(), e.roomID(), seq, "system", region, "", "", true, msgId,
                        text, 1, "TYPE_SYSTEM", "", e.inquiry(), at));
            } else if (seq % 2 == 0) {
                out.add(new ChatMessage(hid, e.svcID(), e.roomID(), seq, e.visitor(), region, visitorDevice,
                        visitorSession, false, msgId, rng.pick(Phrasebook.VISITOR_LINES), 1, "TYPE_MESSAGE", "",
                        e.inquiry(), at));
            } else {
                boolean file = rng.chance(0.2);
                out.add(new ChatMessage(hid, e.svcID(), e.roomID(), seq, e.agent().eid(), region, staffDevice,
                        "sess-" + rng.hex(6), false, msgId, file ? rng.pick(Phrasebook.FILE_NAMES)
                        : rng.pick(Phrasebook.STAFF_LINES), file ? 2 : 1, "TYPE_MESSAGE",
                        file ? String.valueOf(seq - 1) : "", e.inquiry(), at));
            }
        }
        return out;
    }
}
