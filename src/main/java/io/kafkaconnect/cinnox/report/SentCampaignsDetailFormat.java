package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.CampaignSenders;
import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Per-recipient rows of Get Sent Campaigns Details, keyed by campaign id and recipient. */
final class SentCampaignsDetailFormat implements ReportFormat<CampaignRecipient> {

    private static final String TYPE = "SentCampaignsDetail";

    static final Schema SENDER_SCHEMA = CampaignSenders.schema(TYPE);

    static final Schema SCHEMA = Schemas.value(Schemas.struct(TYPE,
                    "The delivery of a sent campaign to one recipient, from the CINNOX Get Sent Campaigns Details "
                            + "report, as last read. Mutable: status and LastUpdatedDateTime change.")
            .field("id", Schemas.key("Campaign send id (the summary's id); with recipient the record key [A-22]."))
            .field("date", timestamp("When the campaign was sent."))
            .field("sender", SENDER_SCHEMA)
            .field("recipient", Schemas.key("Recipient phone number; with id the record key [A-22]."))
            .field("recipientCountry", string("Recipient country, ISO 3166-1 alpha-2 (SMS only)."))
            .field("subject", string("Template name (WhatsApp only)."))
            .field("content", string("SMS text (SMS only)."))
            .field("numSMS", int64("SMS parts submitted (SMS only)."))
            .field("status", string("Delivery status. SMS: Submitted, Delivered, Undelivered, Pending, ...; "
                    + "WhatsApp: Sent, Delivered, Read, Replied, Failed, Pending (list assumed [A-22])."))
            .field("carrierNetworkStatus", string("Status inside the carrier network (SMS only)."))
            .field("failedReason", string("Why the message failed (WhatsApp only)."))
            .field("LastUpdatedDateTime", timestamp("Last status change; spelled with a capital L as the API "
                    + "publishes it."))
    );

    @Override
    public Report report() {
        return Report.SENT_CAMPAIGNS_DETAIL;
    }

    @Override
    public Class<CampaignRecipient> modelType() {
        return CampaignRecipient.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id` + `/` + `recipient`, e.g. `cmp-hist-65497a10f1/+85291234567` [A-22].";
    }

    @Override
    public String key(CampaignRecipient record) {
        return MissingRecordKeyException.require(report(), "id", record.id()) + "/"
                + MissingRecordKeyException.require(report(), "recipient", record.recipient());
    }

    /** {@code LastUpdatedDateTime}, or the send {@code date} when the API sent no update time. */
    @Override
    public Optional<Instant> eventTime(CampaignRecipient record) {
        return ApiTimestamps.parse(record.lastUpdatedDateTime()).or(() -> ApiTimestamps.parse(record.date()));
    }

    @Override
    public Struct toStruct(CampaignRecipient r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", MissingRecordKeyException.require(report(), "id", r.id()))
                .put("date", c.timestamp("", "date", r.date()))
                .put("sender", c.nested("", "sender", r.sender(), (s, p) -> CampaignSenders.toStruct(SENDER_SCHEMA, s, p, c)))
                .put("recipient", MissingRecordKeyException.require(report(), "recipient", r.recipient()))
                .put("recipientCountry", r.recipientCountry())
                .put("subject", r.subject())
                .put("content", r.content())
                .put("numSMS", Schemas.int64(r.numSMS()))
                .put("status", r.status())
                .put("carrierNetworkStatus", r.carrierNetworkStatus())
                .put("failedReason", r.failedReason())
                .put("LastUpdatedDateTime", c.timestamp("", "LastUpdatedDateTime", r.lastUpdatedDateTime())));
    }

    /** Status and last update time. */
    @Override
    public String version(CampaignRecipient record) {
        return Versions.join(record.status(), record.lastUpdatedDateTime());
    }

    @Override
    public boolean isFinal(CampaignRecipient record) {
        return true;
    }
}
