package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.Conversion;
import io.kafkaconnect.cinnox.records.ConversionIssues;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.records.Schemas;
import io.kafkaconnect.cinnox.records.Versions;
import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.model.RecordingFile;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static io.kafkaconnect.cinnox.records.Schemas.int64;
import static io.kafkaconnect.cinnox.records.Schemas.string;
import static io.kafkaconnect.cinnox.records.Schemas.timestamp;

/**
 * Recording files of a recorded call or conference (all field names assumed ). The download URL is a
 * bearer secret, so the {@link RecordingUrlMode} decides what of it reaches the topic.
 */
public final class RecordingFileFormat implements ReportFormat<RecordingFile> {

    static final Schema SCHEMA = Schemas.value(Schemas.struct("RecordingFile",
                    "One recording file of a recorded call or conference from the CINNOX recording-file endpoint "
                            + "(path and fields assumed [A-11], [A-12]).")
            .field("id", Schemas.key("Recording file id; the record key (name assumed [A-12])."))
            .field("type", string("call or conference: which kind of id owns the file."))
            .field("callID", string("Owning call id, when type is call."))
            .field("conferenceID", string("Owning conference id, when type is conference."))
            .field("fileName", string("File name, e.g. rec_<callID>_1.mp3."))
            .field("fileURL", string("Time-limited download URL, as recording.url.mode allows: the whole signed "
                    + "URL (include), scheme://host/path without query and fragment so it cannot download "
                    + "(redact), or null (omit)."))
            .field("expiredAt", timestamp("When fileURL stops working."))
            .field("duration", int64("Recording length in seconds."))
            .field("fileSize", int64("File size in bytes."))
            .field("createdAt", timestamp("When the file became available."))
    );

    private final RecordingUrlMode urlMode;

    public RecordingFileFormat(RecordingUrlMode urlMode) {
        this.urlMode = Objects.requireNonNull(urlMode, "urlMode");
    }

    RecordingUrlMode urlMode() {
        return urlMode;
    }

    @Override
    public Report report() {
        return Report.RECORDING_FILE;
    }

    @Override
    public Class<RecordingFile> modelType() {
        return RecordingFile.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String keyDoc() {
        return "`id`, the recording file id [A-12].";
    }

    @Override
    public String key(RecordingFile record) {
        return MissingRecordKeyException.require(report(), "id", record.id());
    }

    @Override
    public Optional<Instant> eventTime(RecordingFile record) {
        return ApiTimestamps.parse(record.createdAt());
    }

    @Override
    public Struct toStruct(RecordingFile r, ConversionIssues issues) {
        Conversion c = new Conversion(issues);
        // Unknown fields of a recording may carry other signed links; they are kept like everywhere else.
        c.unknown("", r.extra());
        return c.finish(new Struct(SCHEMA)
                .put("id", key(r))
                .put("type", r.type())
                .put("callID", r.callID())
                .put("conferenceID", r.conferenceID())
                .put("fileName", r.fileName())
                .put("fileURL", url(r.fileURL(), c))
                .put("expiredAt", c.timestamp("", "expiredAt", r.expiredAt()))
                .put("duration", r.duration())
                .put("fileSize", r.fileSize())
                .put("createdAt", c.timestamp("", "createdAt", r.createdAt())));
    }

    private String url(String url, Conversion c) {
        if (url == null || urlMode == RecordingUrlMode.OMIT) {
            return null;
        }
        if (urlMode == RecordingUrlMode.INCLUDE) {
            return url;
        }
        String redacted = redact(url);
        if (redacted == null && !url.isBlank()) {
            // Never kept in rawValues: the text is the secret this mode exists to hide.
            c.unusableUrl();
        }
        return redacted;
    }

    /** scheme://host[:port]/path of an absolute URL, or null when the text is not one. */
    public static String redact(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + uri.getHost() + port + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String version(RecordingFile record) {
        return Versions.IMMUTABLE;
    }

    @Override
    public boolean isFinal(RecordingFile record) {
        return true;
    }
}
