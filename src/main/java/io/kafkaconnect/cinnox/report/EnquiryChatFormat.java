package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.ChatBody;
import io.kafkaconnect.cinnox.client.model.ChatContent;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ChatParty;
import io.kafkaconnect.cinnox.client.model.ChatRecipient;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.bool;
import static io.kafkaconnect.cinnox.records.Schemas.float64;
import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/** Messages of one closed enquiry from Get Enquiry Chat Details; they never change once read. */
final class EnquiryChatFormat implements ReportFormat<ChatMessage> {

    static final Schema FROM_SCHEMA = Schemas.struct("EnquiryChat.Content.From", "The sending device and session.")
            .optional()
            .field("device", string("Sender device id."))
            .field("eid", string("Sender id."))
            .field("omniType", string("Omni-channel type."))
            .field("region", string("Sender region."))
            .field("service", string("Service id."))
            .field("session", string("Session id."))
            .field("system", bool("True when the platform generated the message."))
            .build();

    static final Schema MSG_SCHEMA = Schemas.struct("EnquiryChat.Content.Msg", "The message body.").optional()
            .field("channel", int64("Unused by CINNOX."))
            .field("text", string("Message text."))
            .field("type", int64("Body type: 1 text, 2 file, 5 advanced (rich)."))
            .build();

    static final Schema TO_SCHEMA = Schemas.struct("EnquiryChat.Content.To", "The receiving room and enquiry.")
            .optional()
            .field("device", string("Receiver device id."))
            .field("eid", string("Receiver id."))
            .field("inquiry", string("Enquiry id."))
            .field("room", string("Enquiry room id."))
            .field("seq", int64("IM sequence."))
            .build();

    static final Schema CONTENT_SCHEMA = Schemas.struct("EnquiryChat.Content",
                    "The IM envelope of the message: sender, body, receiver.").optional()
            .field("from", FROM_SCHEMA)
            .field("id", string("Message id."))
            .field("msg", MSG_SCHEMA)
            .field("plainText", string("Unused by CINNOX."))
            .field("replySeqs", string("Sequence number(s) of the message replied to."))
            .field("retry", int64("Internal to CINNOX."))
            .field("seq", int64("Message sequence."))
            .field("service", string("Service account."))
            .field("to", TO_SCHEMA)
            .field("ts", int64("IM timestamp in epoch milliseconds (unit assumed [A-21])."))
            .field("type", int64("Body type, same codes as msg.type."))
            .field("version", string("IM schema version."))
            .build();

    static final Schema SCHEMA = Schemas.value(Schemas.struct("EnquiryChat",
                    "One message of a closed enquiry's conversation from the CINNOX Get Enquiry Chat Details "
                            + "report. Messages do not change once read.")
            .field("hid", Schemas.key("History (record) id of the message; the record key."))
            .field("roomID", string("Enquiry room id."))
            .field("seq", int64("Message sequence within the room; the API orders by it [A-07]."))
            .field("type", string("Channel type."))
            .field("fromEID", string("Sender id."))
            .field("toEID", string("Recipient id."))
            .field("fromSvcID", string("Sender's service id."))
            .field("fromRegion", string("Sender region."))
            .field("content", CONTENT_SCHEMA)
            .field("upsertType", string("Internal to CINNOX."))
            .field("createdAt", timestamp("When the message was created."))
            .field("inquiryID", string("Enquiry id."))
            .field("msgID", string("Message id."))
            .field("msgContentType", string("Content type: TYPE_TEXT, TYPE_FILE, ..."))
            .field("msgEventType", string("Event type: TYPE_MESSAGE, TYPE_PRECHAT, ..."))
            .field("msgText", string("Message text (flattened copy of content.msg.text)."))
            .field("callDuration", float64("Call duration in seconds when the message is a call event."))
            .field("callDurationMin", float64("Call duration in minutes when the message is a call event."))
            .field("encryptSec", string("Internal to CINNOX."))
    );

    @Override
    public Report report() {
        return Report.ENQUIRY_CHAT;
    }

    @Override
    public Class<ChatMessage> modelType() {
        return ChatMessage.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`hid`, the message's history id.";
    }

    @Override
    public String key(ChatMessage record) {
        return MissingRecordKeyException.require(report(), "hid", record.hid());
    }

    @Override
    public Optional<Instant> eventTime(ChatMessage record) {
        return ApiTimestamps.parse(record.createdAt());
    }

    @Override
    public Struct toStruct(ChatMessage r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("hid", key(r))
                .put("roomID", r.roomID())
                .put("seq", r.seq())
                .put("type", r.type())
                .put("fromEID", r.fromEID())
                .put("toEID", r.toEID())
                .put("fromSvcID", r.fromSvcID())
                .put("fromRegion", r.fromRegion())
                .put("content", c.nested("", "content", r.content(), (m, p) -> content(m, p, c)))
                .put("upsertType", r.upsertType())
                .put("createdAt", c.timestamp("", "createdAt", r.createdAt()))
                .put("inquiryID", r.inquiryID())
                .put("msgID", r.msgID())
                .put("msgContentType", r.msgContentType())
                .put("msgEventType", r.msgEventType())
                .put("msgText", r.msgText())
                .put("callDuration", r.callDuration())
                .put("callDurationMin", r.callDurationMin())
                .put("encryptSec", r.encryptSec()));
    }

    private static Struct content(ChatContent m, String path, Conversion c) {
        c.unknown(path, m.extra());
        return new Struct(CONTENT_SCHEMA)
                .put("from", c.nested(path, "from", m.from(), (f, p) -> from(f, p, c)))
                .put("id", m.id())
                .put("msg", c.nested(path, "msg", m.msg(), (b, p) -> msg(b, p, c)))
                .put("plainText", m.plainText())
                .put("replySeqs", m.replySeqs())
                .put("retry", m.retry())
                .put("seq", m.seq())
                .put("service", m.service())
                .put("to", c.nested(path, "to", m.to(), (t, p) -> to(t, p, c)))
                .put("ts", m.ts())
                .put("type", Schemas.int64(m.type()))
                .put("version", m.version());
    }

    private static Struct from(ChatParty f, String path, Conversion c) {
        c.unknown(path, f.extra());
        return new Struct(FROM_SCHEMA)
                .put("device", f.device())
                .put("eid", f.eid())
                .put("omniType", f.omniType())
                .put("region", f.region())
                .put("service", f.service())
                .put("session", f.session())
                .put("system", f.system());
    }

    private static Struct msg(ChatBody b, String path, Conversion c) {
        c.unknown(path, b.extra());
        return new Struct(MSG_SCHEMA)
                .put("channel", b.channel())
                .put("text", b.text())
                .put("type", Schemas.int64(b.type()));
    }

    private static Struct to(ChatRecipient t, String path, Conversion c) {
        c.unknown(path, t.extra());
        return new Struct(TO_SCHEMA)
                .put("device", t.device())
                .put("eid", t.eid())
                .put("inquiry", t.inquiry())
                .put("room", t.room())
                .put("seq", t.seq());
    }

    @Override
    public String version(ChatMessage record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(ChatMessage record) {
        return true;
    }
}
