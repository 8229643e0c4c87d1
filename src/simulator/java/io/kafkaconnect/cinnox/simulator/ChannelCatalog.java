package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The static channel type list and the per-account channels of each type (reference data, A-14). */
final class ChannelCatalog {

    record ChannelType(String channelType, String name) {
    }

    record Channel(String id, String channelType, String name, String socialId, String number, String destinationID,
                   String status, Instant createdAt) {

        void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("channelType", channelType);
            g.writeStringField("name", name);
            g.writeStringField("socialId", socialId);
            g.writeStringField("number", number);
            g.writeStringField("destinationID", destinationID);
            g.writeStringField("status", status);
            g.writeStringField("createdAt", Timestamps.format(createdAt));
            g.writeEndObject();
        }
    }

    static final List<ChannelType> TYPES = List.of(
            new ChannelType("Directory", "Tag / Staff Directory"), new ChannelType("Weblink", "Web link"),
            new ChannelType("Campaign", "Campaign"), new ChannelType("VirtualNumber", "Virtual Number"),
            new ChannelType("FACEBOOK", "Facebook Messenger"), new ChannelType("WHATSAPP", "WhatsApp"),
            new ChannelType("WECHAT", "WeChat"), new ChannelType("LINE", "LINE"), new ChannelType("WOZTELL", "WOZTELL"),
            new ChannelType("ThirdParty", "Third Party Channel"), new ChannelType("Email", "Email"));

    private static final List<String> SOCIAL = List.of("FACEBOOK", "WHATSAPP", "WECHAT", "LINE", "WOZTELL");
    private static final List<String> REGIONS = List.of("HK", "TW 台灣", "SG", "MY", "日本 JP");

    private ChannelCatalog() {
    }

    static Optional<ChannelType> type(String channelType) {
        return TYPES.stream().filter(t -> t.channelType().equals(channelType)).findFirst();
    }

    static void writeType(JsonGenerator g, ChannelType t) throws IOException {
        g.writeStartObject();
        g.writeStringField("channelType", t.channelType());
        g.writeStringField("name", t.name());
        g.writeEndObject();
    }

    /** The configured channels of one type for the account, oldest first. */
    static List<Channel> channels(long seed, Roster roster, ChannelType type) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), 0, "channels:" + type.channelType());
        boolean social = SOCIAL.contains(type.channelType());
        boolean numbered = social || type.channelType().equals("VirtualNumber");
        String brand = roster.smsSenderId();
        List<Channel> out = new ArrayList<>();
        Instant created = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0, n = rng.between(1, 4); i < n; i++) {
            created = created.plusSeconds(rng.between(86_400, 90 * 86_400));
            Phrasebook.Place place = rng.pick(Phrasebook.PLACES.subList(0, 4));
            out.add(new Channel("ch-" + type.channelType().substring(0, 2).toLowerCase(java.util.Locale.ROOT) + "-"
                    + rng.hex(6), type.channelType(), brand + " " + type.name() + " " + rng.pick(REGIONS),
                    social ? rng.digits(15) : "", numbered ? place.phonePrefix() + rng.digits(place.phoneDigits()) : "",
                    rng.pick(roster.destinations()).id(), rng.chance(0.8) ? "active" : "inactive", created));
        }
        return out;
    }
}
