package io.kafkaconnect.cinnox.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders the configuration reference, {@code docs/configuration.md}, from
 * {@link CinnoxSourceConfig#CONFIG_DEF}, so the docs cannot drift from the code. {@code ConfigurationDocsTest}
 * fails when the committed file is stale.
 */
public final class ConfigurationDocs {

    /** Where the reference lives, relative to the project directory. */
    public static final Path DEFAULT_PATH = Path.of("docs", "configuration.md");

    /** The command that rewrites the committed file. */
    public static final String REGENERATE_COMMAND = "mvn -Dtest=ConfigurationDocsTest -Ddocs.regenerate=true test";

    private ConfigurationDocs() {
    }

    /** Writes the reference to the path in {@code args[0]}, or to {@link #DEFAULT_PATH}. */
    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : DEFAULT_PATH;
        Files.writeString(target, render(CinnoxSourceConfig.CONFIG_DEF), StandardCharsets.UTF_8);
    }

    /** The whole reference as Markdown, with {@code \n} line ends. */
    public static String render(ConfigDef def) {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("<!-- Generated from CinnoxSourceConfig by ConfigurationDocs; do not edit by hand. "
                + "Regenerate with: ").append(REGENERATE_COMMAND).append(" -->\n\n");
        md.append("The settings of the CINNOX source connector, in the groups and order of the Connect UI. "
                + "Times ending in `.ms` are milliseconds.\n\n");
        renderIndex(def, md);
        for (String group : def.groups()) {
            md.append("## ").append(group).append("\n\n");
            for (ConfigKey key : keysOf(def, group)) {
                renderKey(key, md);
            }
        }
        return md.toString();
    }

    private static void renderIndex(ConfigDef def, StringBuilder md) {
        md.append("| Setting | Type | Default | Importance |\n|---|---|---|---|\n");
        for (String group : def.groups()) {
            for (ConfigKey key : keysOf(def, group)) {
                md.append("| [`").append(key.name).append("`](#").append(anchor(key.name)).append(") | ")
                        .append(type(key)).append(" | ").append(shortDefault(key)).append(" | ")
                        .append(importance(key)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void renderKey(ConfigKey key, StringBuilder md) {
        md.append("### `").append(key.name).append("`\n\n");
        md.append(escape(key.documentation)).append("\n\n");
        md.append("* Type: ").append(type(key)).append('\n');
        md.append("* Default: ").append(defaultText(key)).append('\n');
        if (key.validator != null) {
            md.append("* Valid values: ").append(escape(key.validator.toString())).append('\n');
        }
        md.append("* Importance: ").append(importance(key)).append("\n\n");
    }

    private static List<ConfigKey> keysOf(ConfigDef def, String group) {
        return def.configKeys().values().stream()
                .filter(key -> group.equals(key.group))
                .sorted(Comparator.comparingInt(key -> key.orderInGroup))
                .collect(Collectors.toList());
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        if (text == null || text.isEmpty()) {
            return "empty";
        }
        if (key.type == ConfigDef.Type.LONG && key.name.endsWith(".ms") && (Long) key.defaultValue > 0) {
            return "`" + text + "` (" + ConfigValidators.humanMillis((Long) key.defaultValue) + ")";
        }
        return "`" + text + "`";
    }

    /** The default for the index table: long lists are left to the setting's own section. */
    private static String shortDefault(ConfigKey key) {
        String text = defaultText(key);
        return text.length() > 40 ? "see below" : text;
    }

    private static String type(ConfigKey key) {
        return key.type.name().toLowerCase(Locale.ROOT);
    }

    private static String importance(ConfigKey key) {
        return key.importance.name().toLowerCase(Locale.ROOT);
    }

    /** GitHub's heading anchor for a heading that is just the code-formatted name. */
    private static String anchor(String name) {
        return name.replaceAll("[^a-z0-9_-]", "");
    }

    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
