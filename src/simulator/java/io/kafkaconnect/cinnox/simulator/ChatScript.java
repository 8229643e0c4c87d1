package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the conversation of one enquiry: a pre-chat form, visitor and staff turns, system notices and the odd file,
 * spread between the enquiry's creation and its close. Deterministic per (seed, account, enquiry).
 */
final class ChatScript {

    private final Enquiry e;
    private final Rng rng;
    private final long spanMillis;
    private final String visitorDevice;
    private final String visitorSession;
    private final String staffDevice;

    ChatScript(long seed, Enquiry enquiry) {
        this.e = enquiry;
        this.rng = Rng.of(seed, enquiry.svcID(), 0, "chat:" + enquiry.inquiry());
        Instant end = enquiry.closedAt() != null ? enquiry.closedAt() : enquiry.createdAt().plus(Duration.ofMinutes(30));
        this.spanMillis = Math.max(enquiry.chatSize(), Duration.between(enquiry.createdAt(), end).toMillis());
        this.visitorDevice = "web-" + rng.hex(4);
        this.visitorSession = "sess-" + rng.hex(6);
        this.staffDevice = "web-" + rng.hex(4);
    }

    /** All messages, ordered by seq (1-based). */
    List<ChatMessage> messages() {
        List<ChatMessage> out = new ArrayList<>(e.chatSize());
        for (int seq = 1; seq <= e.chatSize(); seq++) {
            Instant at = e.createdAt().plusMillis(spanMillis * (seq - 1) / e.chatSize() + rng.between(0, 999));
            out.add(message(seq, at));
        }
        return out;
    }

    private ChatMessage message(int seq, Instant at) {
        if (seq == 1) {
            return visitor(seq, at, "Name: " + e.visitorName() + " / Email: visitor" + rng.digits(3) + "@example.com",
                    5, "TYPE_PRECHAT");
        }
        if (seq == 3 || seq == e.chatSize()) {
            String text = seq == 3 ? e.agent().name() + " joined the enquiry." : "The enquiry was closed.";
            return new ChatMessage(hid(seq), e.svcID(), e.roomID(), seq, "system", e.place().country(), "", "", true,
                    msgId(seq), text, 1, "TYPE_SYSTEM", "", e.inquiry(), at);
        }
        if (seq % 2 == 0) {
            return visitor(seq, at, rng.pick(Phrasebook.VISITOR_LINES), 1, "TYPE_MESSAGE");
        }
        boolean file = rng.chance(0.2);
        return new ChatMessage(hid(seq), e.svcID(), e.roomID(), seq, e.agent().eid(), e.place().country(), staffDevice,
                "sess-" + rng.hex(6), false, msgId(seq),
                file ? rng.pick(Phrasebook.FILE_NAMES) : rng.pick(Phrasebook.STAFF_LINES), file ? 2 : 1,
                "TYPE_MESSAGE", file ? String.valueOf(seq - 1) : "", e.inquiry(), at);
    }

    private ChatMessage visitor(int seq, Instant at, String text, int type, String eventType) {
        return new ChatMessage(hid(seq), e.svcID(), e.roomID(), seq, e.visitor(), e.place().country(), visitorDevice,
                visitorSession, false, msgId(seq), text, type, eventType, "", e.inquiry(), at);
    }

    /** The whole enquiry id: its first 8 hex digits are only its creation second, shared by enquiries of that second. */
    private String hid(int seq) {
        return "h-" + e.id() + "-" + String.format("%04d", seq);
    }

    private String msgId(int seq) {
        return "msg-" + String.format("%04d", seq) + "-" + rng.hex(4);
    }
}
