package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.TopicNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The single-setting checks of {@link CinnoxSourceConfig}. Each one's {@code toString()} is the "valid
 * values" text of the generated docs; each message names the setting and never echoes a password.
 */
final class ConfigValidators {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private ConfigValidators() {
    }

    static ConfigDef.Validator nonBlank() {
        return new Described("a non-blank string", (name, value) -> {
            String text = value instanceof Password ? ((Password) value).value() : (String) value;
            if (text == null || text.isBlank()) {
                throw new ConfigException(name + " must not be blank; set it to the value shown in the CINNOX "
                        + "Web Dashboard (Administration > Service Integration > API).");
            }
        });
    }

    static ConfigDef.Validator baseUrl() {
        return new Described("an absolute https URL (http only for 127.0.0.1, localhost or ::1)",
                (name, value) -> checkBaseUrl(name, (String) value));
    }

    /** A number of milliseconds between {@code min} and {@code max} inclusive. */
    static ConfigDef.Validator millis(long min, long max) {
        return new Described(rangeText(min, max, true), (name, value) -> checkRange(name, value, min, max, true));
    }

    /** 0 (off), or a number of milliseconds between {@code min} and {@code max} inclusive. */
    static ConfigDef.Validator offOrMillis(long min, long max) {
        return new Described("0 (off), or " + rangeText(min, max, true), (name, value) -> {
            if (((Number) value).longValue() != 0) {
                checkRange(name, value, min, max, true);
            }
        });
    }

    /** A plain number between {@code min} and {@code max} inclusive. */
    static ConfigDef.Validator between(long min, long max) {
        return new Described(rangeText(min, max, false), (name, value) -> checkRange(name, value, min, max, false));
    }

    /** One of {@code words}, ignoring case. */
    static ConfigDef.Validator oneOf(List<String> words) {
        return new Described("one of " + String.join(", ", words), (name, value) -> {
            if (!words.contains(((String) value).trim().toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name + " is '" + value + "'; set it to one of " + String.join(", ", words)
                        + ".");
            }
        });
    }

    static ConfigDef.Validator topicPrefix() {
        return new Described("empty, or " + TopicNames.LEGAL_CHARACTERS + ", at most "
                + TopicNames.MAX_PREFIX_LENGTH + " characters", (name, value) ->
                TopicNames.prefixProblem((String) value, TopicNames.MAX_PREFIX_LENGTH).ifPresent(p -> {
                    throw new ConfigException(name + " '" + value + "' " + p + "; use " + TopicNames.LEGAL_CHARACTERS
                            + " only, at most " + TopicNames.MAX_PREFIX_LENGTH + " characters.");
                }));
    }

    /** Empty, meaning a default name, or a legal topic name. */
    static ConfigDef.Validator optionalTopic() {
        return new Described("empty, or a topic name of " + TopicNames.LEGAL_CHARACTERS, (name, value) -> {
            String topic = (String) value;
            if (!topic.isEmpty()) {
                TopicNames.problem(topic).ifPresent(p -> {
                    throw new ConfigException(name + " '" + topic + "' " + p + "; use " + TopicNames.LEGAL_CHARACTERS
                            + " only, at most " + TopicNames.MAX_LENGTH + " characters, or leave it empty.");
                });
            }
        });
    }

    static ConfigDef.Validator reportList() {
        return new Described("a non-empty list of " + String.join(", ", Report.names()), (name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) value;
            if (names.isEmpty()) {
                throw new ConfigException(name + " is empty; name at least one of " + String.join(", ", Report.names())
                        + ".");
            }
            Set<Report> seen = EnumSet.noneOf(Report.class);
            for (String report : names) {
                Report known = Report.byName(report).orElseThrow(() -> new ConfigException(name
                        + " names an unknown report '" + report + "'; use one of "
                        + String.join(", ", Report.names()) + "."));
                if (!seen.add(known)) {
                    throw new ConfigException(name + " names " + known + " twice; name each report once.");
                }
            }
        });
    }

    static ConfigDef.Validator topicOverrides() {
        return new Described("a list of report:topic pairs, such as enquiry-detail:crm.enquiries",
                (name, value) -> {
                    @SuppressWarnings("unchecked")
                    List<String> entries = (List<String>) value;
                    TopicNames.parseOverrides(name, entries);
                });
    }

    static ConfigDef.Validator historyStart() {
        return new Described(HistoryStart.FORMS, (name, value) -> {
            try {
                HistoryStart.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " " + e.getMessage() + ".");
            }
        });
    }

    /** A readable amount of time: "30 minutes", "1 day", "1500 ms". */
    static String humanMillis(long ms) {
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                long count = ms / units[i];
                return count + " " + names[i] + (count == 1 ? "" : "s");
            }
        }
        return ms + " ms";
    }

    private static void checkBaseUrl(String name, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a URL; set it to the Base URL shown in the CINNOX Web "
                    + "Dashboard, such as https://example.cinnox.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigException(name + " must be an absolute https URL such as https://example.cinnox.com; "
                    + "set it to the Base URL shown in the CINNOX Web Dashboard.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(name + " must not contain credentials; remove the user:password@ part "
                    + "and put the App Token in cinnox.app.token.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(name + " must not have a query or fragment; remove the part from '?' or '#'.");
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw new ConfigException(name + " uses http for host " + host + "; use https (plain http is only "
                    + "accepted for 127.0.0.1, localhost or ::1, where the CINNOX simulator runs).");
        }
    }

    private static void checkRange(String name, Object value, long min, long max, boolean millis) {
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            throw new ConfigException(name + " is " + number + "; set it to " + rangeText(min, max, millis) + ".");
        }
    }

    private static String rangeText(long min, long max, boolean millis) {
        String low = number(min, millis);
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return "at least " + low;
        }
        return "between " + low + " and " + number(max, millis);
    }

    /** A number, followed by its readable amount of time when it is a whole number of seconds or more. */
    private static String number(long value, boolean millis) {
        String human = humanMillis(value);
        return millis && !human.endsWith(" ms") ? value + " (" + human + ")" : String.valueOf(value);
    }

    /** A validator whose {@code toString()} is the text shown as "valid values". */
    private static final class Described implements ConfigDef.Validator {
        private final String description;
        private final ConfigDef.Validator check;

        Described(String description, ConfigDef.Validator check) {
            this.description = description;
            this.check = check;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            check.ensureValid(name, value);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Recommends a fixed list of values, such as the report names. */
    static ConfigDef.Recommender fixedValues(List<String> values) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.copyOf(values);
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }
}
