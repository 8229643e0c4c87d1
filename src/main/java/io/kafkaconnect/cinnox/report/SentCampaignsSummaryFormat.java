package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.CampaignSenders;
import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Sent campaigns of Get Sent Campaigns Summary; their counters change while the campaign delivers. */
final class SentCampaignsSummaryFormat implements ReportFormat<CampaignSummary> {

    private static final String TYPE = "SentCampaignsSummary";

    static final Schema SENDER_SCHEMA = CampaignSenders.schema(TYPE);

    static final Schema SCHEMA = Schemas.value(Schemas.struct(TYPE,
                    "One sent SMS or WhatsApp campaign from the CINNOX Get Sent Campaigns Summary report, as last "
                            + "read. Mutable: the counters change while the campaign delivers.")
            .field("id", Schemas.key("Campaign send id; the record key, and the historyID of "
                    + "sent-campaigns-detail."))
            .field("date", timestamp("When the campaign was sent; the report's window field [A-05]."))
            .field("campaignName", string("Campaign name."))
            .field("channel", string("SMS or WhatsApp."))
            .field("createdBy", string("Name of the staff member who sent it."))
            .field("sender", SENDER_SCHEMA)
            .field("subject", string("Template name (WhatsApp only)."))
            .field("totalRecipients", int64("Number of recipients."))
            .field("delivered", int64("Messages delivered."))
            .field("read", int64("Messages read (WhatsApp only)."))
            .field("replied", int64("Replies triggered by buttons or links (WhatsApp only)."))
            .field("failed", int64("Messages failed (field assumed [A-22])."))
            .field("pending", int64("Messages not yet delivered or failed (field assumed [A-22])."))
    );

    @Override
    public Report report() {
        return Report.SENT_CAMPAIGNS_SUMMARY;
    }

    @Override
    public Class<CampaignSummary> modelType() {
        return CampaignSummary.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id`, the campaign send id (the historyID of sent-campaigns-detail).";
    }

    @Override
    public String key(CampaignSummary record) {
        return MissingRecordKeyException.require(report(), "id", record.id());
    }

    @Override
    public Optional<Instant> eventTime(CampaignSummary record) {
        return ApiTimestamps.parse(record.date());
    }

    @Override
    public Struct toStruct(CampaignSummary r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", key(r))
                .put("date", c.timestamp("", "date", r.date()))
                .put("campaignName", r.campaignName())
                .put("channel", r.channel())
                .put("createdBy", r.createdBy())
                .put("sender", c.nested("", "sender", r.sender(), (s, p) -> CampaignSenders.toStruct(SENDER_SCHEMA, s, p, c)))
                .put("subject", r.subject())
                .put("totalRecipients", r.totalRecipients())
                .put("delivered", r.delivered())
                .put("read", r.read())
                .put("replied", r.replied())
                .put("failed", r.failed())
                .put("pending", r.pending()));
    }

    /** The counters. */
    @Override
    public String version(CampaignSummary r) {
        return Versions.join(r.totalRecipients(), r.delivered(), r.read(), r.replied(), r.failed(), r.pending());
    }

    /**
     * Final when nothing is pending and delivered + failed reach the recipients, judged on the counters the
     * API sent; a row with neither {@code pending} nor {@code totalRecipients} is never final.
     */
    @Override
    public boolean isFinal(CampaignSummary r) {
        if (r.pending() == null && r.totalRecipients() == null) {
            return false;
        }
        if (r.pending() != null && r.pending() != 0) {
            return false;
        }
        if (r.totalRecipients() == null) {
            return true;
        }
        long done = (r.delivered() == null ? 0 : r.delivered()) + (r.failed() == null ? 0 : r.failed());
        return done >= r.totalRecipients();
    }
}
