package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Configured channels of Get Channel Type Details (fields assumed ): reference data, re-read on an interval. */
final class ChannelTypeDetailFormat implements ReportFormat<ChannelDetail> {

    static final Schema SCHEMA = Schemas.value(Schemas.struct("ChannelTypeDetail",
                    "One configured channel of a channel type, from the CINNOX Get Channel Type Details (path and "
                            + "fields assumed [A-11], [A-14]).")
            .field("id", Schemas.key("Channel instance id; the record key [A-14]."))
            .field("channelType", string("Channel type the channel belongs to, e.g. WHATSAPP."))
            .field("name", string("Channel name."))
            .field("socialId", string("Social channel id (Messenger, WhatsApp, LINE, ...)."))
            .field("number", string("Virtual number of the channel (a string even when the API sends a JSON "
                    + "number [A-18])."))
            .field("tagID", string("Tag id (directory channels)."))
            .field("destinationID", string("Destination id the channel routes to."))
            .field("status", string("Channel status, e.g. active or inactive."))
            .field("createdAt", timestamp("When the channel was created."))
    );

    @Override
    public Report report() {
        return Report.CHANNEL_TYPE_DETAIL;
    }

    @Override
    public Class<ChannelDetail> modelType() {
        return ChannelDetail.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id`, the channel instance id [A-14].";
    }

    @Override
    public String key(ChannelDetail record) {
        return MissingRecordKeyException.require(report(), "id", record.id());
    }

    /** None: a snapshot describes the channel as it is now; {@code createdAt} is in the value. */
    @Override
    public Optional<Instant> eventTime(ChannelDetail record) {
        return Optional.empty();
    }

    @Override
    public Struct toStruct(ChannelDetail r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", key(r))
                .put("channelType", r.channelType())
                .put("name", r.name())
                .put("socialId", r.socialId())
                .put("number", r.number())
                .put("tagID", r.tagID())
                .put("destinationID", r.destinationID())
                .put("status", r.status())
                .put("createdAt", c.timestamp("", "createdAt", r.createdAt())));
    }

    /** A hash of the whole converted struct, unknown fields included. */
    @Override
    public String version(ChannelDetail record) {
        return Versions.hash(toStruct(record, new ConversionIssues()));
    }

    @Override
    public boolean isFinal(ChannelDetail record) {
        return true;
    }
}
