package io.kafkaconnect.cinnox.webhook;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns received enquiry events into records of the events topic, keyed by the enquiry's record id and
 * stamped with the event time. Their source partition is the App's "enquiry-events", apart from every
 * polling unit; the offset is informational, since CINNOX cannot replay webhooks.
 */
public final class EventRecords {

    public static final String PARTITION_REPORT = "enquiry-events";

    public static final Schema SCHEMA = SchemaBuilder.struct()
            .name("io.kafkaconnect.cinnox.EnquiryEvent")
            .version(1)
            .doc("One CINNOX enquiry notification (SPEC 6.1) as the enquiry event subscription posted it: an "
                    + "enquiry was opened, is being handled, was missed or was closed. The polled enquiry-detail "
                    + "record of the same enquiry (its id equals eid) remains the source of truth.")
            .field("eid", SchemaBuilder.string().doc("Record id of the enquiry; equals the id of its enquiry-detail "
                    + "record [A-15]; the record key.").build())
            .field("status", SchemaBuilder.string().doc("Opened, Handling, Missed or Closed as CINNOX sent it. In "
                    + "enquiry-detail these are open, ongoing or followed-up, missed and closed [A-15].").build())
            .field("serviceId", optional("CINNOX service id."))
            .field("displayCaseNumber", optional("Enquiry id shown in the dashboard."))
            .field("type", optional("Always inquiry."))
            .field("channel", optional("Where the enquiry arrived, e.g. CINNOX, FACEBOOK, WHATSAPP."))
            .field("channelOri", optional("Origin when channel is CINNOX; otherwise the literal Channel."))
            .field("socialId", optional("Social channel id; empty unless the origin is a social channel."))
            .field("date", Timestamp.builder().optional().doc("Time of the event; also the record's Kafka "
                    + "timestamp, unless it is more than a minute after receivedAt (then receivedAt is).").build())
            .field("destination", optional("Destination id (service group, chatbot or IVR)."))
            .field("destinationTypes", optional("Destination type [A-15]."))
            .field("receivedAt", Timestamp.builder().doc("When the receiver accepted the request.").build())
            .field("unknownFields", optional("JSON object of the fields CINNOX sent that this schema does not "
                    + "know; null when there were none."))
            .field("rawValues", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional()
                    .doc("Original text of values that could not be converted (a date that is not RFC 3339); "
                            + "null when every value converted.").build())
            .build();

    static final java.time.Duration MAX_FUTURE = java.time.Duration.ofMinutes(1);

    private final String topic;
    private final Map<String, Object> partition;

    public EventRecords(String appId, String topic) {
        this.topic = topic;
        this.partition = Map.of("app", appId, "report", PARTITION_REPORT);
    }

    /** The receiver's source partition, apart from every polling unit. */
    public Map<String, Object> partition() {
        return partition;
    }

    /** The record of one pending event; {@link EventRecord#pending()} leads back to the waiting sender. */
    public EventRecord record(PendingEvent pending) {
        return record(pending, Map.of());
    }

    /** As {@link #record(PendingEvent)}, with {@code extraOffset} (the re-read requests) in the record's offset. */
    public EventRecord record(PendingEvent pending, Map<String, ?> extraOffset) {
        EnquiryEvent e = pending.event();
        Struct value = value(e);
        long timestamp = timestamp(e).toEpochMilli();
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("cinnox.report", PARTITION_REPORT);
        headers.addString("cinnox.app", (String) partition.get("app"));
        if (e.date() != null) {
            headers.addString("cinnox.event.time", e.date().toString());
        }
        Map<String, Object> offset = new java.util.LinkedHashMap<>(extraOffset);
        offset.put("v", 1);
        offset.put("receivedAt", e.receivedAt().toEpochMilli());
        return new EventRecord(pending, partition, offset, topic, value, timestamp, headers);
    }

    /** The record value of one event. */
    public static Struct value(EnquiryEvent e) {
        return new Struct(SCHEMA)
                .put("eid", e.eid())
                .put("status", e.status())
                .put("serviceId", e.serviceId())
                .put("displayCaseNumber", e.displayCaseNumber())
                .put("type", e.type())
                .put("channel", e.channel())
                .put("channelOri", e.channelOri())
                .put("socialId", e.socialId())
                .put("date", e.date() == null ? null : Date.from(e.date()))
                .put("destination", e.destination())
                .put("destinationTypes", e.destinationTypes())
                .put("receivedAt", Date.from(e.receivedAt()))
                .put("unknownFields", e.unknownFields())
                .put("rawValues", e.rawValues().isEmpty() ? null : e.rawValues());
    }

    /**
     * The event time, unless it is missing or lies more than {@link #MAX_FUTURE} after the receipt: brokers
     * refuse timestamps too far ahead (log.message.timestamp.after.max.ms, one hour by default) and the
     * refusal would fail the task, so a sender's wrong clock falls back to the receipt time.
     */
    static java.time.Instant timestamp(EnquiryEvent e) {
        if (e.date() == null || e.date().isAfter(e.receivedAt().plus(MAX_FUTURE))) {
            return e.receivedAt();
        }
        return e.date();
    }

    private static Schema optional(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }

    /** A record that remembers the sender waiting for it, so commitRecord can answer that sender. */
    public static final class EventRecord extends SourceRecord {
        private final PendingEvent pending;

        EventRecord(PendingEvent pending, Map<String, ?> partition, Map<String, ?> offset, String topic,
                Struct value, long timestamp, ConnectHeaders headers) {
            super(partition, offset, topic, null, Schema.STRING_SCHEMA, pending.event().eid(), SCHEMA, value,
                    timestamp, headers);
            this.pending = pending;
        }

        public PendingEvent pending() {
            return pending;
        }
    }
}
