package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.client.model.CampaignSender;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import static io.kafkaconnect.cinnox.records.Schemas.string;

/** The {@code sender} struct shared by both sent-campaign reports, named after the report that holds it. */
public final class CampaignSenders {

    private CampaignSenders() {
    }

    public static Schema schema(String parentType) {
        return Schemas.struct(parentType + ".Sender", "Who sent the campaign.").optional()
                .field("phone", string("Sending number: virtual number, service number or alphanumeric sender id "
                        + "for SMS; the channel's number for WhatsApp."))
                .field("channelName", string("WhatsApp channel name (WhatsApp only)."))
                .field("sourceName", string("Template source (WhatsApp only)."))
                .field("senderEID", string("Sending staff id (SMS only)."))
                .build();
    }

    public static Struct toStruct(Schema schema, CampaignSender sender, String path, Conversion c) {
        c.unknown(path, sender.extra());
        return new Struct(schema)
                .put("phone", sender.phone())
                .put("channelName", sender.channelName())
                .put("sourceName", sender.sourceName())
                .put("senderEID", sender.senderEID());
    }
}
