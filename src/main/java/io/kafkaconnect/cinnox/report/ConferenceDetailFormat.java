package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.ConferenceInfo;
import io.kafkaconnect.cinnox.client.model.ConferenceLeg;
import io.kafkaconnect.cinnox.client.model.ConferenceLegContent;
import io.kafkaconnect.cinnox.client.model.ConferenceParticipant;
import io.kafkaconnect.cinnox.client.model.LegParty;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.float64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/**
 * Ended conferences of Get Conference Details, in the union of the two documented shapes; they do
 * not change once the conference ended.
 */
final class ConferenceDetailFormat implements ReportFormat<ConferenceDetail> {

    private static final String TYPE = "ConferenceDetail";

    static final Schema PARTICIPANT_SCHEMA = Schemas.struct(TYPE + ".Participant", "One invited staff member.")
            .field("eid", string("Staff id."))
            .field("joinStatus", string("joined, invited, rejected, block (removed) or leave."))
            .field("roomRole", string("owner for the host, empty otherwise."))
            .build();

    static final Schema INFO_SCHEMA = Schemas.struct(TYPE + ".Info",
                    "Subject and participants (newer documented shape).").optional()
            .field("subject", string("Conference subject."))
            .field("participants", Schemas.array(PARTICIPANT_SCHEMA, "Participants of the conference."))
            .build();

    static final Schema FROM_SCHEMA = legParty("From", "The calling side of the leg.");
    static final Schema TO_SCHEMA = legParty("To", "The called side of the leg.");

    static final Schema LEG_CONTENT_SCHEMA = Schemas.struct(TYPE + ".Leg.Content",
                    "Timing and outcome of the leg.").optional()
            .field("byeReason", string("Why the leg ended."))
            .field("callDuration", float64("Leg length in seconds."))
            .field("callStartTime", timestamp("Leg start."))
            .field("callEndTime", timestamp("Leg end."))
            .field("callID", string("Call id of the leg."))
            .field("callType", string("onnet or offnet."))
            .field("from", FROM_SCHEMA)
            .field("to", TO_SCHEMA)
            .build();

    static final Schema LEG_SCHEMA = Schemas.struct(TYPE + ".Leg",
                    "One participant's call leg (older documented shape).")
            .field("hid", string("Leg history id."))
            .field("roomID", string("Conference room id."))
            .field("fromEID", string("Calling staff id."))
            .field("toEID", string("Called staff id."))
            .field("fromSvcID", string("Calling service id."))
            .field("content", LEG_CONTENT_SCHEMA)
            .build();

    static final Schema SCHEMA = Schemas.value(Schemas.struct(TYPE,
                    "One ended conference from the CINNOX Get Conference Details report, with the fields of both "
                            + "documented response shapes [A-10].")
            .field("conferenceID", Schemas.key("Conference id; the record key, also taken by recording-file."))
            .field("roomID", string("Conference room id."))
            .field("fromEID", string("Staff who started the conference."))
            .field("status", string("Conference status, e.g. Success."))
            .field("createdAt", timestamp("When the record was created."))
            .field("callDate", timestamp("Conference start; the report's window field [A-05]."))
            .field("callDuration", float64("Conference length in seconds."))
            .field("callDurationMin", float64("Conference length in minutes."))
            .field("conferenceDetail", INFO_SCHEMA)
            .field("callConferenceList", Schemas.array(LEG_SCHEMA, "One entry per participant leg."))
    );

    private static Schema legParty(String type, String doc) {
        return Schemas.struct(TYPE + ".Leg." + type, doc + " Only eid is documented.").optional()
                .field("eid", string("Staff id."))
                .build();
    }

    @Override
    public Report report() {
        return Report.CONFERENCE_DETAIL;
    }

    @Override
    public Class<ConferenceDetail> modelType() {
        return ConferenceDetail.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`conferenceID`.";
    }

    @Override
    public String key(ConferenceDetail record) {
        return MissingRecordKeyException.require(report(), "conferenceID", record.conferenceID());
    }

    /** {@code callDate}, or {@code createdAt} for rows in the older shape without it. */
    @Override
    public Optional<Instant> eventTime(ConferenceDetail record) {
        return ApiTimestamps.parse(record.callDate()).or(() -> ApiTimestamps.parse(record.createdAt()));
    }

    @Override
    public Struct toStruct(ConferenceDetail r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("conferenceID", key(r))
                .put("roomID", r.roomID())
                .put("fromEID", r.fromEID())
                .put("status", r.status())
                .put("createdAt", c.timestamp("", "createdAt", r.createdAt()))
                .put("callDate", c.timestamp("", "callDate", r.callDate()))
                .put("callDuration", r.callDuration())
                .put("callDurationMin", r.callDurationMin())
                .put("conferenceDetail", c.nested("", "conferenceDetail", r.conferenceDetail(), (i, p) -> info(i, p, c)))
                .put("callConferenceList", c.list("", "callConferenceList", r.callConferenceList(), (l, p) -> leg(l, p, c))));
    }

    private static Struct info(ConferenceInfo i, String path, Conversion c) {
        c.unknown(path, i.extra());
        return new Struct(INFO_SCHEMA)
                .put("subject", i.subject())
                .put("participants", c.list(path, "participants", i.participants(), (p, pp) -> participant(p, pp, c)));
    }

    private static Struct participant(ConferenceParticipant p, String path, Conversion c) {
        c.unknown(path, p.extra());
        return new Struct(PARTICIPANT_SCHEMA)
                .put("eid", p.eid())
                .put("joinStatus", p.joinStatus())
                .put("roomRole", p.roomRole());
    }

    private static Struct leg(ConferenceLeg l, String path, Conversion c) {
        c.unknown(path, l.extra());
        return new Struct(LEG_SCHEMA)
                .put("hid", l.hid())
                .put("roomID", l.roomID())
                .put("fromEID", l.fromEID())
                .put("toEID", l.toEID())
                .put("fromSvcID", l.fromSvcID())
                .put("content", c.nested(path, "content", l.content(), (m, p) -> legContent(m, p, c)));
    }

    private static Struct legContent(ConferenceLegContent m, String path, Conversion c) {
        c.unknown(path, m.extra());
        return new Struct(LEG_CONTENT_SCHEMA)
                .put("byeReason", m.byeReason())
                .put("callDuration", m.callDuration())
                .put("callStartTime", c.timestamp(path, "callStartTime", m.callStartTime()))
                .put("callEndTime", c.timestamp(path, "callEndTime", m.callEndTime()))
                .put("callID", m.callID())
                .put("callType", m.callType())
                .put("from", c.nested(path, "from", m.from(), (f, p) -> legParty(FROM_SCHEMA, f, p, c)))
                .put("to", c.nested(path, "to", m.to(), (t, p) -> legParty(TO_SCHEMA, t, p, c)));
    }

    private static Struct legParty(Schema schema, LegParty party, String path, Conversion c) {
        c.unknown(path, party.extra());
        return new Struct(schema).put("eid", party.eid());
    }

    @Override
    public String version(ConferenceDetail record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(ConferenceDetail record) {
        return true;
    }
}
