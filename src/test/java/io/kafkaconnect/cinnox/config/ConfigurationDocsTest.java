package io.kafkaconnect.cinnox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDocsTest {

    private static final Path DOCS = ConfigurationDocs.DEFAULT_PATH;

    @Test
    void committedReferenceMatchesTheConfigDef() throws IOException {
        String generated = ConfigurationDocs.render(CinnoxSourceConfig.CONFIG_DEF);
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            fail(DOCS + " is stale; run: " + ConfigurationDocs.REGENERATE_COMMAND + " (" + firstDifference(generated,
                    committed) + ")");
        }
    }

    private static String firstDifference(String generated, String committed) {
        String[] want = generated.split("\n", -1);
        String[] have = committed.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String expected = i < want.length ? want[i] : "<end of file>";
            String actual = i < have.length ? have[i] : "<end of file>";
            if (!expected.equals(actual)) {
                return "first difference at line " + (i + 1) + ": expected '" + expected + "' but the file has '" + actual
                        + "'";
            }
        }
        return "line ends differ";
    }

    @Test
    void everySettingIsDocumentedWithItsValidValues() {
        String generated = ConfigurationDocs.render(CinnoxSourceConfig.CONFIG_DEF);
        for (ConfigKey key : CinnoxSourceConfig.CONFIG_DEF.configKeys().values()) {
            assertTrue(generated.contains("### `" + key.name + "`"), key.name);
            assertTrue(key.documentation.endsWith("."), key.name + " doc is not a full sentence");
            if (key.validator != null) {
                assertTrue(!key.validator.toString().contains("@"), key.name + " validator has no readable toString()");
            }
        }
    }

    @Test
    void mainWritesTheSameText(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("configuration.md");
        ConfigurationDocs.main(new String[] {target.toString()});
        assertEquals(ConfigurationDocs.render(CinnoxSourceConfig.CONFIG_DEF), Files.readString(target));
    }
}
