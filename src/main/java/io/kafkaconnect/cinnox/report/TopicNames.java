package io.kafkaconnect.cinnox.report;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/** Kafka's rules for topic names, and the parser of {@code report:topic} override pairs. */
public final class TopicNames {

    /** Kafka's longest legal topic name. */
    public static final int MAX_LENGTH = 249;

    /** The longest prefix that still leaves room for every report's name (and "heartbeat"). */
    public static final int MAX_PREFIX_LENGTH = MAX_LENGTH - longestSuffix();

    public static final String LEGAL_CHARACTERS = "letters, digits, '.', '_' and '-'";

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private TopicNames() {
    }

    /** Why {@code name} is not a legal topic name, or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("cannot be '.' or '..'");
        }
        return prefixProblem(name, MAX_LENGTH);
    }

    /** Why {@code prefix} cannot start topic names (it may be empty), or empty when it can. */
    public static Optional<String> prefixProblem(String prefix, int maxLength) {
        if (!LEGAL.matcher(prefix).matches()) {
            return Optional.of("contains characters other than " + LEGAL_CHARACTERS);
        }
        if (prefix.length() > maxLength) {
            return Optional.of("is longer than " + maxLength + " characters");
        }
        return Optional.empty();
    }

    /**
     * Parses {@code report:topic} pairs into a map in entry order.
     *
     * @throws ConfigException naming {@code key} and the offending entry
     */
    public static Map<Report, String> parseOverrides(String key, List<String> entries) {
        Map<Report, String> overrides = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(key + " entry '" + entry + "' is not a report:topic pair; write it as "
                        + "report:topic, for example enquiry-detail:crm.enquiries.");
            }
            String reportName = entry.substring(0, colon).trim();
            String topic = entry.substring(colon + 1).trim();
            Report report = Report.byName(reportName).orElseThrow(() -> new ConfigException(key + " entry '"
                    + entry + "' names an unknown report '" + reportName + "'; use one of " + String.join(", ",
                    Report.names()) + "."));
            problem(topic).ifPresent(p -> {
                throw new ConfigException(key + " entry '" + entry + "' has an invalid topic name: it " + p
                        + "; use " + LEGAL_CHARACTERS + " only, at most " + MAX_LENGTH + " characters.");
            });
            if (overrides.containsKey(report)) {
                throw new ConfigException(key + " names " + report + " twice ('" + report + ":"
                        + overrides.get(report) + "' and '" + entry + "'); keep one entry per report.");
            }
            overrides.put(report, topic);
        }
        return overrides;
    }

    private static int longestSuffix() {
        int longest = "heartbeat".length();
        for (String name : Report.names()) {
            longest = Math.max(longest, name.length());
        }
        return longest;
    }
}
