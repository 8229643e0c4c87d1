package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.report.TopicNames;
import io.kafkaconnect.cinnox.report.Report;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.CALL_TIMEOUT_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.LATE_HORIZON_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.LATE_RECENT_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.LOOKBACK_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.READ_TIMEOUT_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.REPORTS_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.SETTLE_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.SWEEP_INTERVAL_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.TOPIC_PREFIX_CONFIG;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules of {@link CinnoxSourceConfig} that span several settings. Each problem is filed on the
 * setting the user most likely has to change, and a rule is skipped while one of its settings is itself
 * invalid, so the user sees the single-setting message first.
 */
final class CrossFieldRules {

    /** A broken rule: the setting to show it on and a message that names it and says what to do. */
    record Problem(String key, String message) {
    }

    private CrossFieldRules() {
    }

    /**
     * Checks the rules against parsed values.
     *
     * @param parsed setting name to parsed value; invalid or missing settings are absent or null
     */
    static List<Problem> check(Map<String, ?> parsed) {
        List<Problem> problems = new ArrayList<>();
        childReports(parsed, problems);
        callTimeout(parsed, problems);
        lookbackAfterSettle(parsed, problems);
        sweepInsideLookback(parsed, problems);
        horizonCoversRecent(parsed, problems);
        heartbeatTopicOwn(parsed, problems);
        oneTopicPerReport(parsed, problems);
        WebhookConfig.check(parsed, problems);
        return problems;
    }

    private static void childReports(Map<String, ?> parsed, List<Problem> problems) {
        List<Report> reports = reports(parsed);
        for (Report report : reports) {
            if (report.kind() == Report.Kind.CHILD && report.parents().stream().noneMatch(reports::contains)) {
                String parents = report.parents().stream().map(Report::apiName).collect(Collectors.joining(" or "));
                problems.add(new Problem(REPORTS_CONFIG, report + " needs " + parents + " in " + REPORTS_CONFIG
                        + ", because it is read per " + parents + " record; add " + parents + " to " + REPORTS_CONFIG
                        + " or remove " + report + "."));
            }
        }
    }

    private static void callTimeout(Map<String, ?> parsed, List<Problem> problems) {
        Long read = (Long) parsed.get(READ_TIMEOUT_CONFIG);
        Long call = (Long) parsed.get(CALL_TIMEOUT_CONFIG);
        if (read != null && call != null && call < read) {
            problems.add(new Problem(CALL_TIMEOUT_CONFIG, CALL_TIMEOUT_CONFIG + " (" + call + ") is shorter than "
                    + READ_TIMEOUT_CONFIG + " (" + read + "), but the call timeout covers the whole request including "
                    + "every read; raise " + CALL_TIMEOUT_CONFIG + " to at least " + read + " or lower "
                    + READ_TIMEOUT_CONFIG + "."));
        }
    }

    private static void lookbackAfterSettle(Map<String, ?> parsed, List<Problem> problems) {
        Long lookback = (Long) parsed.get(LOOKBACK_CONFIG);
        Long settle = (Long) parsed.get(SETTLE_CONFIG);
        if (lookback != null && settle != null && lookback > 0 && lookback <= settle) {
            problems.add(new Problem(LOOKBACK_CONFIG, LOOKBACK_CONFIG + " (" + ConfigValidators.humanMillis(lookback)
                    + ") is not longer than " + SETTLE_CONFIG + " (" + ConfigValidators.humanMillis(settle) + "), so "
                    + "records would leave the look-back before they are first read; raise " + LOOKBACK_CONFIG
                    + " above " + settle + ", or set it to 0 to turn re-reads off."));
        }
    }

    private static void sweepInsideLookback(Map<String, ?> parsed, List<Problem> problems) {
        Long lookback = (Long) parsed.get(LOOKBACK_CONFIG);
        Long sweep = (Long) parsed.get(SWEEP_INTERVAL_CONFIG);
        if (lookback != null && sweep != null && lookback > 0 && sweep >= lookback) {
            problems.add(new Problem(SWEEP_INTERVAL_CONFIG, SWEEP_INTERVAL_CONFIG + " ("
                    + ConfigValidators.humanMillis(sweep) + ") is not shorter than " + LOOKBACK_CONFIG + " ("
                    + ConfigValidators.humanMillis(lookback) + "), so tracked records would expire before a sweep "
                    + "re-reads them; lower " + SWEEP_INTERVAL_CONFIG + " below " + lookback + "."));
        }
    }

    private static void horizonCoversRecent(Map<String, ?> parsed, List<Problem> problems) {
        Long horizon = (Long) parsed.get(LATE_HORIZON_CONFIG);
        Long recent = (Long) parsed.get(LATE_RECENT_CONFIG);
        if (horizon != null && recent != null && horizon < recent) {
            problems.add(new Problem(LATE_HORIZON_CONFIG, LATE_HORIZON_CONFIG + " (" + ConfigValidators.humanMillis(horizon)
                    + ") is shorter than " + LATE_RECENT_CONFIG + " (" + ConfigValidators.humanMillis(recent)
                    + "), but the recent re-scans lie inside the horizon; raise " + LATE_HORIZON_CONFIG + " to at least "
                    + recent + " or lower " + LATE_RECENT_CONFIG + "."));
        }
    }

    private static void heartbeatTopicOwn(Map<String, ?> parsed, List<Problem> problems) {
        String prefix = (String) parsed.get(TOPIC_PREFIX_CONFIG);
        String configured = (String) parsed.get(HEARTBEAT_TOPIC_CONFIG);
        if (prefix == null || configured == null) {
            return;
        }
        String heartbeat = CinnoxSourceConfig.heartbeatTopicOf(configured, prefix);
        topics(parsed).forEach((report, topic) -> {
            if (topic.equals(heartbeat)) {
                problems.add(new Problem(HEARTBEAT_TOPIC_CONFIG, HEARTBEAT_TOPIC_CONFIG + " resolves to '" + heartbeat
                        + "', which is also the topic of " + report + "; set " + HEARTBEAT_TOPIC_CONFIG
                        + " to another topic or change " + TOPIC_OVERRIDES_CONFIG + "."));
            }
        });
    }

    /** Each report has its own schema, so two reports writing to one topic would mix two schemas there. */
    private static void oneTopicPerReport(Map<String, ?> parsed, List<Problem> problems) {
        Map<String, Report> owners = new HashMap<>();
        topics(parsed).forEach((report, topic) -> {
            Report owner = owners.putIfAbsent(topic, report);
            if (owner != null) {
                problems.add(new Problem(TOPIC_OVERRIDES_CONFIG, TOPIC_OVERRIDES_CONFIG + " sends " + owner + " and "
                        + report + " to the same topic '" + topic + "', but each report has its own record schema; "
                        + "give each report its own topic."));
            }
        });
    }

    /** The topic of each selected report, in report order; empty while the prefix or overrides are invalid. */
    private static Map<Report, String> topics(Map<String, ?> parsed) {
        String prefix = (String) parsed.get(TOPIC_PREFIX_CONFIG);
        @SuppressWarnings("unchecked")
        List<String> overrideEntries = (List<String>) parsed.get(TOPIC_OVERRIDES_CONFIG);
        Map<Report, String> topics = new EnumMap<>(Report.class);
        if (prefix == null || overrideEntries == null) {
            return topics;
        }
        Map<Report, String> overrides = TopicNames.parseOverrides(TOPIC_OVERRIDES_CONFIG, overrideEntries);
        for (Report report : reports(parsed)) {
            topics.put(report, CinnoxSourceConfig.topicOf(report, prefix, overrides));
        }
        return topics;
    }

    /** The selected reports, or none while {@code reports} is invalid. */
    @SuppressWarnings("unchecked")
    private static List<Report> reports(Map<String, ?> parsed) {
        List<String> names = (List<String>) parsed.get(REPORTS_CONFIG);
        if (names == null) {
            return List.of();
        }
        return CinnoxSourceConfig.parseReports(names);
    }
}
