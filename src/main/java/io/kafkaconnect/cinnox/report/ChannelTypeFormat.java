package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.model.ChannelType;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.string;

/** Entries of Get Channel Type List (fields assumed ): reference data, re-read on an interval. */
final class ChannelTypeFormat implements ReportFormat<ChannelType> {

    static final Schema SCHEMA = Schemas.value(Schemas.struct("ChannelType",
                    "One channel type the service supports, from the CINNOX Get Channel Type List (path and fields "
                            + "assumed [A-11], [A-14]).")
            .field("channelType", Schemas.key("Channel type as channel-type-detail takes it, e.g. WHATSAPP; the "
                    + "record key."))
            .field("name", string("Display name of the channel type."))
    );

    @Override
    public Report report() {
        return Report.CHANNEL_TYPE_LIST;
    }

    @Override
    public Class<ChannelType> modelType() {
        return ChannelType.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`channelType`, the channel type name [A-14].";
    }

    @Override
    public String key(ChannelType record) {
        return MissingRecordKeyException.require(report(), "channelType", record.channelType());
    }

    /** None: reference data has no event of its own. */
    @Override
    public Optional<Instant> eventTime(ChannelType record) {
        return Optional.empty();
    }

    @Override
    public Struct toStruct(ChannelType r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("channelType", key(r))
                .put("name", r.name()));
    }

    /** A hash of the whole converted struct, unknown fields included. */
    @Override
    public String version(ChannelType record) {
        return Versions.hash(toStruct(record, new ConversionIssues()));
    }

    @Override
    public boolean isFinal(ChannelType record) {
        return true;
    }
}
