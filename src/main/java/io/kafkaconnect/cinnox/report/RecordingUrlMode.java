package io.kafkaconnect.cinnox.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the connector writes for a recording's download URL. CINNOX puts no access control on these URLs,
 * so whoever can read the topic could download the recording while the link is valid.
 */
public enum RecordingUrlMode {
    /** Write the URL as CINNOX returns it, signed query and all. */
    INCLUDE,
    /** Keep scheme, host and path but drop the query (the signature), so the link cannot download. */
    REDACT,
    /** Leave the URL field empty. */
    OMIT;

    /** The word users write in {@code recording.url.mode}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value, ignoring case; throws {@link IllegalArgumentException} for other words. */
    public static RecordingUrlMode of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(RecordingUrlMode::configName).collect(Collectors.toList());
    }
}
