package io.kafkaconnect.cinnox.records;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/** {@code docs/records.md} matches the record formats; with {@code -Ddocs.regenerate=true} it is rewritten. */
class RecordsDocsTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "docs", "records.md");

    @Test
    void recordsDocIsCurrent() throws IOException {
        String expected = RecordsDocs.render();
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            fail(DOC + " is stale (" + firstDifference(expected, actual) + "); regenerate it with: "
                    + RecordsDocs.REGENERATE_COMMAND);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.min(want.length, have.length); i++) {
            if (!want[i].equals(have[i])) {
                return "line " + (i + 1) + " should be: " + want[i];
            }
        }
        return "expected " + want.length + " lines, found " + have.length;
    }
}
