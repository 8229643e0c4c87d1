package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.client.PageLimitScope;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.Report;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.APP_ID_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.APP_TOKEN_CONFIG;
import static io.kafkaconnect.cinnox.config.CinnoxSourceConfig.BASE_URL_CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CinnoxSourceConfigTest {

    private static final String TOKEN = "tok-7f3a9c-SECRET-do-not-print";
    private static final Instant FIRST_START = Instant.parse("2026-03-15T10:00:00Z");

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(BASE_URL_CONFIG, "https://example.cinnox.com");
        props.put(APP_ID_CONFIG, "app-acme");
        props.put(APP_TOKEN_CONFIG, TOKEN);
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static CinnoxSourceConfig config(String... keyValues) {
        return new CinnoxSourceConfig(props(keyValues));
    }

    /** The error messages {@link CinnoxSourceConfig#validate} files on {@code key}. */
    private static List<String> errorsOn(String key, Map<String, String> props) {
        return valueOf(CinnoxSourceConfig.validate(props), key).errorMessages();
    }

    private static ConfigValue valueOf(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> allErrors(Config config) {
        return config.configValues().stream().flatMap(v -> v.errorMessages().stream()).collect(Collectors.toList());
    }

    @Test
    void defaults() {
        CinnoxSourceConfig config = config();
        assertEquals("https://example.cinnox.com", config.baseUrl());
        assertEquals("app-acme", config.appId());
        assertEquals(TOKEN, config.appToken().value());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
        assertEquals(Duration.ofSeconds(60), config.callTimeout());
        assertEquals(Duration.ofMinutes(5), config.retryBackoffMax());
        assertEquals(List.of(Report.values()), config.reports());
        assertEquals("cinnox.enquiry-detail", config.topicFor(Report.ENQUIRY_DETAIL));
        assertEquals("cinnox.heartbeat", config.heartbeatTopic());
        assertEquals(Duration.ofMinutes(1), config.heartbeatInterval());
        assertEquals(FIRST_START.minus(Duration.ofDays(30)), config.historyStart(FIRST_START));
        assertTrue(config.historyStartIsRelative());
        assertEquals(Duration.ofDays(7), config.backfillChunk());
        assertEquals(Duration.ofDays(90), config.queryWindowMax());
        assertEquals(Duration.ofMinutes(2), config.settle());
        assertEquals(Duration.ofMinutes(1), config.pollInterval());
        assertEquals(Duration.ofDays(3), config.lookback());
        assertEquals(new io.kafkaconnect.cinnox.ledger.LateSettings(Duration.ofMinutes(2), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(3),
                Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(90)), config.lateSettings());
        assertEquals(Duration.ofMinutes(15), config.sweepInterval());
        assertEquals(Duration.ofHours(1), config.snapshotRefresh());
        assertTrue(config.windowEndInclusive());
        assertEquals(400, config.requestsPerMinute());
        assertEquals(500, config.pageSize());
        assertEquals(RecordingUrlMode.REDACT, config.recordingUrlMode());
        assertEquals(RecordTimestamp.READ, config.recordTimestamp());
    }

    @Test
    void defaultsPassValidation() {
        assertEquals(List.of(), allErrors(CinnoxSourceConfig.validate(props())));
    }

    @Test
    void validateReportsEverySettingInDefinitionOrder() {
        List<String> names = CinnoxSourceConfig.validate(props()).configValues().stream().map(ConfigValue::name)
                .collect(Collectors.toList());
        assertEquals(List.copyOf(CinnoxSourceConfig.CONFIG_DEF.configKeys().keySet()), names);
    }

    @Test
    void missingRequiredSettingsAreNamed() {
        Config result = CinnoxSourceConfig.validate(Map.of());
        for (String key : List.of(BASE_URL_CONFIG, APP_ID_CONFIG, APP_TOKEN_CONFIG)) {
            List<String> errors = valueOf(result, key).errorMessages();
            assertEquals(1, errors.size(), key + ": " + errors);
            assertTrue(errors.get(0).contains(key), errors.get(0));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "https://example.cinnox.com/, https://example.cinnox.com",
            "https://example.cinnox.com//, https://example.cinnox.com",
            "https://example.cinnox.com/base/, https://example.cinnox.com/base",
            "HTTPS://Example.cinnox.com, HTTPS://Example.cinnox.com",
            "http://127.0.0.1:18080, http://127.0.0.1:18080",
            "http://localhost:18080/, http://localhost:18080",
            "'http://[::1]:18080', 'http://[::1]:18080'"
    })
    void baseUrlAcceptsHttpsAndLoopbackHttpAndDropsTrailingSlashes(String configured, String expected) {
        assertEquals(expected, config(BASE_URL_CONFIG, configured).baseUrl());
    }

    static Stream<Arguments> invalidSingleSettings() {
        return Stream.of(
                Arguments.of(BASE_URL_CONFIG, "http://example.cinnox.com", "use https"),
                Arguments.of(BASE_URL_CONFIG, "ftp://example.cinnox.com", "absolute https URL"),
                Arguments.of(BASE_URL_CONFIG, "example.cinnox.com", "absolute https URL"),
                Arguments.of(BASE_URL_CONFIG, "https://", "not a URL"),
                Arguments.of(BASE_URL_CONFIG, "https://user:pw@example.cinnox.com", "must not contain credentials"),
                Arguments.of(BASE_URL_CONFIG, "https://example.cinnox.com/?a=1", "query or fragment"),
                Arguments.of(BASE_URL_CONFIG, "https://exa mple.com", "not a URL"),
                Arguments.of(APP_ID_CONFIG, "  ", "must not be blank"),
                Arguments.of(APP_TOKEN_CONFIG, "   ", "must not be blank"),
                Arguments.of(CinnoxSourceConfig.CONNECT_TIMEOUT_CONFIG, "0", "at least 1"),
                Arguments.of(CinnoxSourceConfig.READ_TIMEOUT_CONFIG, "-5", "at least 1"),
                Arguments.of(CinnoxSourceConfig.CALL_TIMEOUT_CONFIG, "0", "at least 1"),
                Arguments.of(CinnoxSourceConfig.RETRY_BACKOFF_MAX_CONFIG, "999", "at least 1000 (1 second)"),
                Arguments.of(CinnoxSourceConfig.REPORTS_CONFIG, "", "is empty"),
                Arguments.of(CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-detail,calls", "unknown report 'calls'"),
                Arguments.of(CinnoxSourceConfig.TOPIC_PREFIX_CONFIG, "cinnox/", "characters other than"),
                Arguments.of(CinnoxSourceConfig.TOPIC_PREFIX_CONFIG, "x".repeat(228), "longer than 227"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "calls:crm.calls", "'calls:crm.calls'"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail:crm sms", "'sms-detail:crm sms'"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail", "not a report:topic pair"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail:", "'sms-detail:'"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail:..", "cannot be '.' or '..'"),
                Arguments.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail:a,sms-detail:b", "twice"),
                Arguments.of(CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG, "beat#1", "characters other than"),
                Arguments.of(CinnoxSourceConfig.HEARTBEAT_INTERVAL_CONFIG, "-1", "at least 0"),
                Arguments.of(CinnoxSourceConfig.HISTORY_START_CONFIG, "yesterday", "RFC 3339 instant"),
                Arguments.of(CinnoxSourceConfig.HISTORY_START_CONFIG, "2025-13-01T00:00:00Z", "RFC 3339 instant"),
                Arguments.of(CinnoxSourceConfig.HISTORY_START_CONFIG, "2025-01-01T00:00:00", "RFC 3339 instant"),
                Arguments.of(CinnoxSourceConfig.HISTORY_START_CONFIG, "P-30D", "negative"),
                Arguments.of(CinnoxSourceConfig.HISTORY_START_CONFIG, "PT-1H", "negative"),
                Arguments.of(CinnoxSourceConfig.REPORTS_CONFIG, "sms-detail,call-log,sms-detail",
                        "names sms-detail twice"),
                Arguments.of(CinnoxSourceConfig.BACKFILL_CHUNK_DAYS_CONFIG, "0", "between 1 and 90"),
                Arguments.of(CinnoxSourceConfig.BACKFILL_CHUNK_DAYS_CONFIG, "91", "between 1 and 90"),
                Arguments.of(CinnoxSourceConfig.QUERY_WINDOW_MAX_CONFIG, "59999", "between 60000 (1 minute) and"),
                Arguments.of(CinnoxSourceConfig.QUERY_WINDOW_MAX_CONFIG, "7776000001", "7776000000 (90 days)"),
                Arguments.of(CinnoxSourceConfig.SETTLE_CONFIG, "-1", "at least 0"),
                Arguments.of(CinnoxSourceConfig.POLL_INTERVAL_CONFIG, "0", "at least 1"),
                Arguments.of(CinnoxSourceConfig.LOOKBACK_CONFIG, "-1", "at least 0"),
                Arguments.of(CinnoxSourceConfig.SWEEP_INTERVAL_CONFIG, "0", "at least 1"),
                Arguments.of(CinnoxSourceConfig.SNAPSHOT_REFRESH_CONFIG, "0", "at least 1"),
                Arguments.of(CinnoxSourceConfig.REQUESTS_PER_MINUTE_CONFIG, "0", "between 1 and 500"),
                Arguments.of(CinnoxSourceConfig.REQUESTS_PER_MINUTE_CONFIG, "501", "between 1 and 500"),
                Arguments.of(CinnoxSourceConfig.PAGE_SIZE_CONFIG, "501", "between 2 and 500"),
                Arguments.of(CinnoxSourceConfig.PAGE_SIZE_CONFIG, "1", "between 2 and 500"),
                Arguments.of(CinnoxSourceConfig.PAGE_LIMIT_SCOPE_CONFIG, "task", "one of account, endpoint"),
                Arguments.of(CinnoxSourceConfig.RECORDING_URL_MODE_CONFIG, "hide", "one of include, redact, omit"),
                Arguments.of(CinnoxSourceConfig.RECORD_TIMESTAMP_CONFIG, "create", "one of read, event"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidSingleSettings")
    void invalidValueIsReportedOnItsSettingByName(String key, String value, String expected) {
        List<String> errors = errorsOn(key, props(key, value));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(key + " "), errors.get(0));
        assertTrue(errors.get(0).contains(expected), errors.get(0));
        assertEquals(List.of(), allErrors(CinnoxSourceConfig.validate(props(key, value))).stream()
                .filter(e -> !errors.contains(e)).collect(Collectors.toList()), "errors on other settings");

        ConfigException e = assertThrows(ConfigException.class, () -> config(key, value));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    static Stream<Arguments> brokenCrossFieldRules() {
        return Stream.of(
                Arguments.of(List.of(CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-chat,call-detail"),
                        CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-chat needs enquiry-detail in reports"),
                Arguments.of(List.of(CinnoxSourceConfig.REPORTS_CONFIG, "recording-file,sms-detail"),
                        CinnoxSourceConfig.REPORTS_CONFIG, "recording-file needs call-detail or conference-detail in reports"),
                Arguments.of(List.of(CinnoxSourceConfig.REPORTS_CONFIG, "sent-campaigns-detail"),
                        CinnoxSourceConfig.REPORTS_CONFIG, "add sent-campaigns-summary to reports or remove sent-campaigns-detail"),
                Arguments.of(List.of(CinnoxSourceConfig.READ_TIMEOUT_CONFIG, "30000",
                        CinnoxSourceConfig.CALL_TIMEOUT_CONFIG, "29999"),
                        CinnoxSourceConfig.CALL_TIMEOUT_CONFIG, "raise cinnox.http.call.timeout.ms to at least 30000"),
                Arguments.of(List.of(CinnoxSourceConfig.LOOKBACK_CONFIG, "120000", CinnoxSourceConfig.SWEEP_INTERVAL_CONFIG, "60000"),
                        CinnoxSourceConfig.LOOKBACK_CONFIG, "is not longer than window.settle.ms (2 minutes)"),
                Arguments.of(List.of(CinnoxSourceConfig.LOOKBACK_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()),
                        CinnoxSourceConfig.SWEEP_INTERVAL_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())),
                        CinnoxSourceConfig.SWEEP_INTERVAL_CONFIG, "is not shorter than lookback.ms (1 hour)"),
                Arguments.of(List.of(CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG, "cinnox.sms-detail"),
                        CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG, "also the topic of sms-detail"),
                Arguments.of(List.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "call-log:cinnox.heartbeat"),
                        CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG, "also the topic of call-log"),
                Arguments.of(List.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "call-log:crm.calls,call-detail:crm.calls"),
                        CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sends call-detail and call-log to the same topic 'crm.calls'"),
                Arguments.of(List.of(CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "sms-detail:cinnox.call-log"),
                        CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "to the same topic 'cinnox.call-log'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCrossFieldRules")
    void brokenRuleIsReportedOnTheSettingToChange(List<String> settings, String key, String expected) {
        Config result = CinnoxSourceConfig.validate(props(settings.toArray(String[]::new)));
        List<String> errors = valueOf(result, key).errorMessages();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(key + " ") || errors.get(0).contains(" in " + key), errors.get(0));
        assertTrue(errors.get(0).contains(expected), errors.get(0));
        assertEquals(1, allErrors(result).size(), allErrors(result).toString());

        ConfigException e = assertThrows(ConfigException.class, () -> config(settings.toArray(String[]::new)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"enquiry-detail,enquiry-chat", "conference-detail,recording-file",
            "call-detail,recording-file", "sent-campaigns-summary,sent-campaigns-detail", "channel-type-list"})
    void childReportWithOneParentIsFine(String reports) {
        assertEquals(List.of(), allErrors(CinnoxSourceConfig.validate(props(CinnoxSourceConfig.REPORTS_CONFIG,
                reports))));
    }

    @Test
    void crossFieldRulesWaitForTheirSettingsToBeValid() {
        Config result = CinnoxSourceConfig.validate(props(CinnoxSourceConfig.READ_TIMEOUT_CONFIG, "abc",
                CinnoxSourceConfig.CALL_TIMEOUT_CONFIG, "1", CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-chat,calls"));
        assertEquals(List.of(), valueOf(result, CinnoxSourceConfig.CALL_TIMEOUT_CONFIG).errorMessages());
        List<String> reportErrors = valueOf(result, CinnoxSourceConfig.REPORTS_CONFIG).errorMessages();
        assertEquals(1, reportErrors.size(), reportErrors.toString());
        assertTrue(reportErrors.get(0).contains("unknown report 'calls'"), reportErrors.get(0));
    }

    @Test
    void lookbackZeroTurnsReReadsOffWithoutACrossFieldError() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.LOOKBACK_CONFIG, "0");
        assertEquals(Duration.ZERO, config.lookback());
    }

    @Test
    void reportsComeInReportOrder() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.REPORTS_CONFIG,
                " sms-detail , enquiry-chat,enquiry-detail");
        assertEquals(List.of(Report.ENQUIRY_DETAIL, Report.ENQUIRY_CHAT, Report.SMS_DETAIL), config.reports());
    }

    @Test
    void reportsRecommendEveryReport() {
        ConfigValue reports = valueOf(CinnoxSourceConfig.validate(props()), CinnoxSourceConfig.REPORTS_CONFIG);
        assertEquals(List.copyOf(Report.names()), reports.recommendedValues());
    }

    @ParameterizedTest
    @CsvSource({
            "P30D, 2026-02-13T10:00:00Z",
            "p7d, 2026-03-08T10:00:00Z",
            "P2W, 2026-03-01T10:00:00Z",
            "P1M, 2026-02-15T10:00:00Z",
            "P1Y, 2025-03-15T10:00:00Z",
            "PT12H, 2026-03-14T22:00:00Z",
            "P1DT12H, 2026-03-13T22:00:00Z",
            "P0D, 2026-03-15T10:00:00Z",
            "2025-01-01T00:00:00Z, 2025-01-01T00:00:00Z",
            "2025-01-01T08:00:00+08:00, 2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00.123456Z, 2025-01-01T00:00:00.123456Z",
            "2027-01-01T00:00:00Z, 2027-01-01T00:00:00Z"
    })
    void historyStartIsAnInstantOrAnAmountBeforeTheFirstStart(String configured, String expected) {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.HISTORY_START_CONFIG, configured);
        assertEquals(Instant.parse(expected), config.historyStart(FIRST_START));
        assertEquals(configured.toUpperCase().startsWith("P"), config.historyStartIsRelative());
    }

    @Test
    void historyStartInTheFutureFailsValidationOnItsSettingButStillParses() {
        Config result = CinnoxSourceConfig.validate(props(CinnoxSourceConfig.HISTORY_START_CONFIG, "2999-01-01T00:00:00Z"));
        List<String> errors = valueOf(result, CinnoxSourceConfig.HISTORY_START_CONFIG).errorMessages();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("history.start '2999-01-01T00:00:00Z' is in the future"), errors.get(0));
        assertEquals(1, allErrors(result).size(), allErrors(result).toString());
        assertEquals(List.of(), allErrors(CinnoxSourceConfig.validate(props(CinnoxSourceConfig.HISTORY_START_CONFIG,
                "P3650D"))));
        assertEquals(Instant.parse("2999-01-01T00:00:00Z"),
                config(CinnoxSourceConfig.HISTORY_START_CONFIG, "2999-01-01T00:00:00Z").historyStart(FIRST_START));
    }

    @Test
    void topicOverridesReplaceThePrefixedName() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.TOPIC_PREFIX_CONFIG, "acme_",
                CinnoxSourceConfig.TOPIC_OVERRIDES_CONFIG, "enquiry-detail:crm.enquiries, sms-detail : crm.sms");
        assertEquals("crm.enquiries", config.topicFor(Report.ENQUIRY_DETAIL));
        assertEquals("crm.sms", config.topicFor(Report.SMS_DETAIL));
        assertEquals("acme_call-detail", config.topicFor(Report.CALL_DETAIL));
        assertEquals("acme_heartbeat", config.heartbeatTopic());
    }

    @Test
    void emptyPrefixAndExplicitHeartbeatTopic() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.TOPIC_PREFIX_CONFIG, "",
                CinnoxSourceConfig.HEARTBEAT_TOPIC_CONFIG, "ops.cinnox-heartbeats");
        assertEquals("enquiry-detail", config.topicFor(Report.ENQUIRY_DETAIL));
        assertEquals("ops.cinnox-heartbeats", config.heartbeatTopic());
    }

    @Test
    void longestPrefixStillMakesLegalTopicNames() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.TOPIC_PREFIX_CONFIG, "x".repeat(227));
        for (Report report : Report.values()) {
            assertTrue(config.topicFor(report).length() <= 249, report.apiName());
        }
    }

    @Test
    void enumSettingsIgnoreCase() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.RECORDING_URL_MODE_CONFIG, "INCLUDE",
                CinnoxSourceConfig.RECORD_TIMESTAMP_CONFIG, "Event");
        assertEquals(RecordingUrlMode.INCLUDE, config.recordingUrlMode());
        assertEquals(RecordTimestamp.EVENT, config.recordTimestamp());
        assertEquals(RecordingUrlMode.OMIT, config(CinnoxSourceConfig.RECORDING_URL_MODE_CONFIG, "omit")
                .recordingUrlMode());
        assertEquals(PageLimitScope.ENDPOINT, config(CinnoxSourceConfig.PAGE_LIMIT_SCOPE_CONFIG, "Endpoint")
                .pageLimitScope());
        assertEquals(PageLimitScope.ACCOUNT, config().pageLimitScope(), "the default");
    }

    @Test
    void otherTypedValues() {
        CinnoxSourceConfig config = config(CinnoxSourceConfig.BACKFILL_CHUNK_DAYS_CONFIG, "30",
                CinnoxSourceConfig.QUERY_WINDOW_MAX_CONFIG, "3600000", CinnoxSourceConfig.HEARTBEAT_INTERVAL_CONFIG, "0",
                CinnoxSourceConfig.WINDOW_END_INCLUSIVE_CONFIG, "false", CinnoxSourceConfig.PAGE_SIZE_CONFIG, "50",
                CinnoxSourceConfig.REQUESTS_PER_MINUTE_CONFIG, "500", APP_ID_CONFIG, " app-x ");
        assertEquals(Duration.ofDays(30), config.backfillChunk());
        assertEquals(Duration.ofHours(1), config.queryWindowMax());
        assertEquals(Duration.ZERO, config.heartbeatInterval());
        assertFalse(config.windowEndInclusive());
        assertEquals(50, config.pageSize());
        assertEquals(500, config.requestsPerMinute());
        assertEquals("app-x", config.appId());
    }

    @Test
    void describeIsOneLineWithEverySettingAndTheTokenMasked() {
        String line = config().describe();
        assertFalse(line.contains(TOKEN), line);
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains(APP_TOKEN_CONFIG + "=[hidden]"), line);
        assertTrue(line.contains(BASE_URL_CONFIG + "=https://example.cinnox.com"), line);
        for (String key : CinnoxSourceConfig.CONFIG_DEF.names()) {
            assertTrue(line.contains(" " + key + "="), key);
        }
        assertEquals(line, config().toString());
    }

    @Test
    void tokenNeverAppearsInToStringOrValidationOutput() {
        List<String> shown = new ArrayList<>();
        shown.add(config().toString());
        shown.add(config().values().toString());
        shown.add(config().appToken().toString());
        Map<String, String> broken = props(BASE_URL_CONFIG, "http://example.com", CinnoxSourceConfig.PAGE_SIZE_CONFIG, "0",
                CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-chat", CinnoxSourceConfig.CALL_TIMEOUT_CONFIG, "1");
        for (Config result : List.of(CinnoxSourceConfig.validate(broken), CinnoxSourceConfig.validate(props()))) {
            result.configValues().forEach(v -> shown.add(v.toString()));
        }
        shown.add(assertThrows(ConfigException.class, () -> new CinnoxSourceConfig(broken)).getMessage());
        shown.add(assertThrows(ConfigException.class, () -> config(CinnoxSourceConfig.REPORTS_CONFIG, "enquiry-chat"))
                .getMessage());
        for (String text : shown) {
            assertFalse(text.contains(TOKEN), text);
        }
    }

    @Test
    void tokenWithSurroundingSpacesOrOddCharactersStaysHidden() {
        String odd = " " + TOKEN + ",with;odd=chars ";
        Map<String, String> props = props(APP_TOKEN_CONFIG, odd, CinnoxSourceConfig.PAGE_SIZE_CONFIG, "0");
        Config result = CinnoxSourceConfig.validate(props);
        result.configValues().forEach(v -> assertFalse(v.toString().contains(TOKEN), v.toString()));
        ConfigException e = assertThrows(ConfigException.class, () -> new CinnoxSourceConfig(props));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void everySettingIsTheDependentOfOneSettingAtMost() {
        Map<String, Long> parents = CinnoxSourceConfig.CONFIG_DEF.configKeys().values().stream()
                .flatMap(key -> key.dependents.stream())
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        parents.forEach((name, count) -> assertEquals(1L, count, name + " would get its errors " + count + " times"));
    }
}
