package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.source.CinnoxSourceConnector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Writes the full sample configurations in config/ from the {@code ConfigDef}: every setting with its
 * documentation and its default, and sample values for the settings without one, so they never drift.
 */
public final class SampleConfigs {

    public static final Path FULL_PROPERTIES = Path.of("config", "cinnox-source-full.properties");
    public static final Path FULL_JSON = Path.of("config", "cinnox-source-full.json");
    public static final String REGENERATE_COMMAND = "mvn -Dtest=SampleConfigsTest -Ddocs.regenerate=true test";

    private static final int WIDTH = 100;

    /** Values for the settings that have no default (the local simulator's), in place of the default. */
    static final Map<String, String> SAMPLES = Map.of(
            CinnoxSourceConfig.BASE_URL_CONFIG, "http://127.0.0.1:18080",
            CinnoxSourceConfig.APP_ID_CONFIG, "app-acme",
            CinnoxSourceConfig.APP_TOKEN_CONFIG, "token-acme");

    private SampleConfigs() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FULL_PROPERTIES, properties(CinnoxSourceConfig.CONFIG_DEF), StandardCharsets.UTF_8);
        Files.writeString(FULL_JSON, json(CinnoxSourceConfig.CONFIG_DEF), StandardCharsets.UTF_8);
    }

    /** The standalone sample: every setting, documented; settings without a usable value are commented out. */
    public static String properties(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        out.append("# Every setting of the CINNOX source connector, generated from its ConfigDef by\n")
                .append("# ").append(REGENERATE_COMMAND).append(" (do not edit by hand).\n")
                .append("# Values are the defaults, except the connection, which points at the local simulator.\n")
                .append("# The reference with valid values and groups: docs/configuration.md.\n\n")
                .append("name=cinnox-source\n")
                .append("connector.class=").append(CinnoxSourceConnector.class.getName()).append('\n')
                .append("tasks.max=2\n");
        String group = null;
        for (ConfigKey key : def.configKeys().values()) {
            if (key.group != null && !key.group.equals(group)) {
                group = key.group;
                out.append("\n# ").append("=".repeat(WIDTH - 2)).append("\n# ").append(group).append('\n')
                        .append("# ").append("=".repeat(WIDTH - 2)).append('\n');
            }
            out.append('\n');
            wrap(key.documentation, out);
            String value = value(key);
            out.append(value == null ? "#" : "").append(key.name).append('=').append(value == null ? "" : value)
                    .append('\n');
        }
        return out.toString();
    }

    /** The distributed sample for the REST API: every setting that has a value. */
    public static String json(ConfigDef def) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", "cinnox-source");
        ObjectNode config = root.putObject("config");
        config.put("connector.class", CinnoxSourceConnector.class.getName());
        config.put("tasks.max", "2");
        Map<String, String> values = new LinkedHashMap<>();
        def.configKeys().values().forEach(key -> {
            String value = value(key);
            if (value != null) {
                values.put(key.name, value);
            }
        });
        values.forEach(config::put);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(ConfigKey key) {
        if (SAMPLES.containsKey(key.name)) {
            return SAMPLES.get(key.name);
        }
        if (!key.hasDefault() || key.defaultValue == null) {
            return null;
        }
        Object value = key.defaultValue;
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return null;
        }
        return String.valueOf(value);
    }

    private static void wrap(String text, StringBuilder out) {
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split("\\s+")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                out.append(line).append('\n');
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        out.append(line).append('\n');
    }
}
