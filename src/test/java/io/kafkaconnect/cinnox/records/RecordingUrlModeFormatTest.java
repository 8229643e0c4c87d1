package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.RecordingFileFormat;
import io.kafkaconnect.cinnox.report.ReportFormats;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The recording download URL reaches the topic whole, without its signature, or not at all. */
class RecordingUrlModeFormatTest {

    private static final String SIGNED = "https://storage.example-cinnox-cdn.com/rec/acme-hk/recf-0f6e3b2a91.mp3"
            + "?X-Expires=1699330800&X-Signature=8b1f0c#t=10";

    private final ConversionIssues issues = new ConversionIssues();

    @Test
    void includeKeepsTheSignedUrl() {
        assertEquals(SIGNED, fileUrl(RecordingUrlMode.INCLUDE, SIGNED));
    }

    @Test
    void redactDropsQueryAndFragment() {
        assertEquals("https://storage.example-cinnox-cdn.com/rec/acme-hk/recf-0f6e3b2a91.mp3",
                fileUrl(RecordingUrlMode.REDACT, SIGNED));
    }

    @Test
    void omitWritesNull() {
        assertNull(fileUrl(RecordingUrlMode.OMIT, SIGNED));
        assertEquals(0, issues.unusableUrls());
    }

    @ParameterizedTest
    @CsvSource({
            "https://user:secret@cdn.example.com:8443/a%20b/c.mp3?sig=1, https://cdn.example.com:8443/a%20b/c.mp3",
            "HTTP://cdn.example.com?sig=1,                                 HTTP://cdn.example.com",
            "' https://cdn.example.com/x.mp3?sig=1 ',                      https://cdn.example.com/x.mp3"})
    void redactKeepsSchemeHostPortAndPathOnly(String url, String expected) {
        assertEquals(expected, RecordingFileFormat.redact(url));
    }

    @Test
    void redactWritesNullForTextThatIsNoAbsoluteUrlAndNeverKeepsIt() {
        String bad = "storage/rec.mp3?X-Signature=8b1f0c";
        Struct struct = convert(RecordingUrlMode.REDACT, bad);
        struct.validate();
        assertNull(struct.get("fileURL"));
        assertNull(struct.get("rawValues"));
        assertEquals(1, issues.unusableUrls());
        assertEquals(1, issues.unconvertedValues());
        assertNull(fileUrl(RecordingUrlMode.REDACT, "https://cdn example.com/x?sig=1"));
    }

    @Test
    void absentUrlIsNullInEveryMode() {
        for (RecordingUrlMode mode : RecordingUrlMode.values()) {
            assertNull(fileUrl(mode, null));
        }
        assertEquals(0, issues.unusableUrls());
    }

    @Test
    void registryAppliesTheConfiguredMode() {
        RecordingFile file = Fixtures.records(ReportFormats.create(RecordingUrlMode.REDACT).of(Report.RECORDING_FILE, RecordingFile.class)).get(0);
        String url = ReportFormats.create(RecordingUrlMode.REDACT).of(Report.RECORDING_FILE, RecordingFile.class).toStruct(file, issues)
                .getString("fileURL");
        assertFalse(url.contains("X-Signature"));
        assertNull(ReportFormats.create(RecordingUrlMode.OMIT).of(Report.RECORDING_FILE, RecordingFile.class).toStruct(file, issues).get("fileURL"));
    }

    private String fileUrl(RecordingUrlMode mode, String url) {
        return convert(mode, url).getString("fileURL");
    }

    private Struct convert(RecordingUrlMode mode, String url) {
        RecordingFile file = new RecordingFile("recf-1", "call", "call-1", null, "rec.mp3", url, null, 12L, 96000L,
                "2023-11-07T02:10:31.877Z", null);
        return new RecordingFileFormat(mode).toStruct(file, issues);
    }
}
