package io.kafkaconnect.cinnox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;

class SampleConfigsTest {

    @Test
    void committedFullSamplesMatchTheConfigDef() throws IOException {
        check(SampleConfigs.FULL_PROPERTIES, SampleConfigs.properties(CinnoxSourceConfig.CONFIG_DEF));
        check(SampleConfigs.FULL_JSON, SampleConfigs.json(CinnoxSourceConfig.CONFIG_DEF));
    }

    private static void check(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, file + " is stale; run: " + SampleConfigs.REGENERATE_COMMAND);
    }

    @Test
    void theFullPropertiesNameEverySettingAndMakeAValidConfig() throws IOException {
        String text = SampleConfigs.properties(CinnoxSourceConfig.CONFIG_DEF);
        for (ConfigKey key : CinnoxSourceConfig.CONFIG_DEF.configKeys().values()) {
            assertTrue(text.contains("\n" + key.name + "=") || text.contains("\n#" + key.name + "="), key.name);
        }
        Properties props = new Properties();
        props.load(new StringReader(text));
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
        new CinnoxSourceConfig(map);
    }

    @Test
    void theFullJsonIsAValidConfig() throws IOException {
        Map<String, Object> root = new ObjectMapper().readValue(SampleConfigs.json(CinnoxSourceConfig.CONFIG_DEF),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) root.get("config");
        new CinnoxSourceConfig(config);
    }
}
