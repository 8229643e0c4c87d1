package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.TopicNames;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.client.AppToken;
import io.kafkaconnect.cinnox.client.ClientSettings;
import io.kafkaconnect.cinnox.client.PageLimitScope;
import io.kafkaconnect.cinnox.ledger.LateChildPolicy;
import io.kafkaconnect.cinnox.ledger.LateSettings;
import io.kafkaconnect.cinnox.webhook.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's settings. Parses the Connect map once into typed values, checks the rules that span
 * several settings, and describes itself in one line for the start-up log without the App Token.
 */
public class CinnoxSourceConfig extends AbstractConfig {

    public static final String CONNECTION_GROUP = "Connection";
    public static final String REPORTS_GROUP = "Reports and topics";
    public static final String TIME_GROUP = "Time windows";
    public static final String BUDGET_GROUP = "Request budget";
    public static final String RECORDS_GROUP = "Records";

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    public static final String BASE_URL_CONFIG = "cinnox.base.url";
    static final String BASE_URL_DOC = "The Base URL of the CINNOX Open API, as shown in the CINNOX Web "
            + "Dashboard next to the App ID and App Token (Administration > Service Integration > API), for "
            + "example https://example.cinnox.com. It must be an absolute https URL without credentials, query "
            + "or fragment; plain http is accepted only for a loopback host (127.0.0.1, localhost or ::1), where "
            + "the CINNOX simulator runs. A trailing slash is ignored.";

    public static final String APP_ID_CONFIG = "cinnox.app.id";
    static final String APP_ID_DOC = "The ID of the CINNOX App whose reports are read. It is part of every "
            + "source partition, so pointing an existing connector at another App reads that App's history from "
            + "history.start.";

    public static final String APP_TOKEN_CONFIG = "cinnox.app.token";
    static final String APP_TOKEN_DOC = "The App Token that authenticates every request (sent as a Bearer "
            + "token). The connector never logs it or repeats it in a validation message. Prefer a Connect "
            + "config provider, such as ${file:/etc/kafka/cinnox.properties:token}, to writing it in the "
            + "connector configuration.";

    public static final String CONNECT_TIMEOUT_CONFIG = "cinnox.http.connect.timeout.ms";
    static final String CONNECT_TIMEOUT_DOC = "How long to wait for a connection (TCP and TLS) to CINNOX "
            + "before the request fails; failed requests are retried later with backoff.";
    static final long CONNECT_TIMEOUT_DEFAULT = 10 * SECOND;

    public static final String READ_TIMEOUT_CONFIG = "cinnox.http.read.timeout.ms";
    static final String READ_TIMEOUT_DOC = "How long to wait for the next bytes of a response on an open "
            + "connection before the request fails; failed requests are retried later with backoff.";
    static final long READ_TIMEOUT_DEFAULT = 30 * SECOND;

    public static final String CALL_TIMEOUT_CONFIG = "cinnox.http.call.timeout.ms";
    static final String CALL_TIMEOUT_DOC = "The longest one request may take as a whole, from connecting to "
            + "reading the last byte of the response. It must be at least cinnox.http.read.timeout.ms.";
    static final long CALL_TIMEOUT_DEFAULT = 60 * SECOND;

    public static final String REPORTS_CONFIG = "reports";
    static final String REPORTS_DOC = "The reports to read, as a comma-separated list; all of them by "
            + "default. A child report is read per record of a parent report, so it needs one of its parents in "
            + "the list: " + childRequirements() + ".";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    static final String TOPIC_PREFIX_DOC = "The start of every topic name: a report's records go to the "
            + "topic <topic.prefix><report>, for example cinnox.enquiry-detail, unless topic.overrides names "
            + "another topic for it.";
    static final String TOPIC_PREFIX_DEFAULT = "cinnox.";

    public static final String TOPIC_OVERRIDES_CONFIG = "topic.overrides";
    static final String TOPIC_OVERRIDES_DOC = "Topics for single reports that replace "
            + "<topic.prefix><report>, as a comma-separated list of report:topic pairs, for example "
            + "enquiry-detail:crm.enquiries,sms-detail:crm.sms. Each report may appear once.";

    public static final String HEARTBEAT_TOPIC_CONFIG = "heartbeat.topic";
    static final String HEARTBEAT_TOPIC_DOC = "The topic of the heartbeat records. A heartbeat carries the "
            + "offset of a unit of work through windows without records, so that long empty stretches are not "
            + "read again after a restart. Empty means <topic.prefix>heartbeat. It must differ from every "
            + "report's topic.";
    static final String HEARTBEAT_TOPIC_DEFAULT = "";

    public static final String HEARTBEAT_INTERVAL_CONFIG = "heartbeat.interval.ms";
    static final String HEARTBEAT_INTERVAL_DOC = "The shortest time between two heartbeat records of one "
            + "unit of work. 0 turns heartbeats off; windows without records are then read again after a "
            + "restart.";
    static final long HEARTBEAT_INTERVAL_DEFAULT = MINUTE;

    public static final String HISTORY_START_CONFIG = "history.start";
    static final String HISTORY_START_DOC = "Where the history to read begins: either an RFC 3339 instant "
            + "such as 2025-01-01T00:00:00Z, or an ISO-8601 period or duration such as P30D, P6M or PT12H, "
            + "meaning that far back from the connector's first start. A relative value is resolved once, "
            + "against the first start, so the history does not move with later restarts. The connector reads "
            + "the history (backfill) and new records side by side.";
    static final String HISTORY_START_DEFAULT = "P30D";

    public static final String BACKFILL_CHUNK_DAYS_CONFIG = "backfill.chunk.days";
    static final String BACKFILL_CHUNK_DAYS_DOC = "The length in days of one unit of work. Time from "
            + "history.start to now is cut into chunks on a fixed UTC grid counted from 1970-01-01, each chunk "
            + "of each report is read on its own, and tasks share the chunks, so backfill runs in parallel. The "
            + "chunk is part of the source partition: changing this value on a connector that has run makes it "
            + "read its history again.";
    static final int BACKFILL_CHUNK_DAYS_DEFAULT = 7;

    public static final String QUERY_WINDOW_MAX_CONFIG = "query.window.max.ms";
    static final String QUERY_WINDOW_MAX_DOC = "The longest time window (startAt to endAt) asked of "
            + "CINNOX in one request; records inside a window are paged with offset and limit. A window never "
            + "crosses a chunk boundary (backfill.chunk.days) and never reaches past now minus window.settle.ms, "
            + "so by default a backlog is read in windows as wide as its chunk: every window ends with a part-filled "
            + "page, so fewer, wider windows cost fewer requests. CINNOX refuses windows longer than a per-endpoint "
            + "maximum (90 days for the enquiry overview, undocumented for the others); when it answers \"Exceed "
            + "maximum query day N\", the connector narrows the window to N days (or halves it) and every unit of "
            + "that report in the task uses the narrower length from then on.";
    static final long QUERY_WINDOW_MAX_DEFAULT = 90 * DAY;

    public static final String SETTLE_CONFIG = "window.settle.ms";
    static final String SETTLE_DOC = "How long after a window ends the connector first reads it. Rows that "
            + "appear later (a call row appears when the call ends but is dated at its start) are found by the "
            + "re-scans (see late.horizon.ms), so this only needs to cover CINNOX's own write delay; records "
            + "reach Kafka about this long plus poll.interval.ms after they happen.";
    static final long SETTLE_DEFAULT = 2 * MINUTE;

    public static final String LATE_HORIZON_CONFIG = "late.horizon.ms";
    static final String LATE_HORIZON_DOC = "How late after its event time a row may appear in CINNOX and still "
            + "be delivered: the windows of this last stretch are read again every late.horizon.interval.ms and "
            + "rows not sent yet are sent. The windows read again reach back this long plus one "
            + "late.horizon.interval.ms, so a row that appears just before the horizon is still found by the next "
            + "pass. Keep it above your longest calls. It must not be shorter than late.recent.ms.";
    static final long LATE_HORIZON_DEFAULT = DAY;

    public static final String LATE_HORIZON_INTERVAL_CONFIG = "late.horizon.interval.ms";
    static final String LATE_HORIZON_INTERVAL_DOC = "How often the windows inside late.horizon.ms (older than "
            + "late.recent.ms) are read again for late rows and changes.";
    static final long LATE_HORIZON_INTERVAL_DEFAULT = HOUR;

    public static final String LATE_RECENT_CONFIG = "late.recent.ms";
    static final String LATE_RECENT_DOC = "The most recent stretch of read windows, which is read again every "
            + "late.recent.interval.ms: most late rows are calls of a few minutes.";
    static final long LATE_RECENT_DEFAULT = HOUR;

    public static final String LATE_RECENT_INTERVAL_CONFIG = "late.recent.interval.ms";
    static final String LATE_RECENT_INTERVAL_DOC = "How often the windows inside late.recent.ms are read again.";
    static final long LATE_RECENT_INTERVAL_DEFAULT = 5 * MINUTE;

    public static final String LATE_BUCKET_CONFIG = "late.bucket.ms";
    static final String LATE_BUCKET_DOC = "The stretch of event time one ledger covers: what was sent for the "
            + "rows of a bucket is kept in the bucket's own source partition. It must divide a day; shorter "
            + "buckets make smaller offsets for busy accounts.";
    static final long LATE_BUCKET_DEFAULT = HOUR;

    public static final String POLL_INTERVAL_CONFIG = "poll.interval.ms";
    static final String POLL_INTERVAL_DOC = "How often a unit of work that has caught up with now asks "
            + "CINNOX for newly settled windows. Units that are behind (backfill) are read as fast as "
            + "requests.per.minute allows.";
    static final long POLL_INTERVAL_DEFAULT = MINUTE;

    public static final String LOOKBACK_CONFIG = "lookback.ms";
    static final String LOOKBACK_DOC = "How long after creation a record may still change in CINNOX: an "
            + "enquiry's status until it is closed, an SMS carrier status while it is Queued, a sent campaign's "
            + "counters while it delivers. Past late.horizon.ms, the buckets that hold records sent in such a "
            + "non-final state are read again every lookback.sweep.interval.ms until this long after their "
            + "window time; a changed record is written again with the same key. 0 (or a value below "
            + "late.horizon.ms) leaves change detection to the late.horizon.ms re-scans. It must be longer than "
            + "window.settle.ms.";
    static final long LOOKBACK_DEFAULT = 3 * DAY;

    public static final String SWEEP_INTERVAL_CONFIG = "lookback.sweep.interval.ms";
    static final String SWEEP_INTERVAL_DOC = "How often the buckets past late.horizon.ms that hold still "
            + "changing records are read again (see lookback.ms). Every re-read spends requests from "
            + "requests.per.minute. It must be shorter than lookback.ms.";
    static final long SWEEP_INTERVAL_DEFAULT = 15 * MINUTE;

    public static final String SNAPSHOT_REFRESH_CONFIG = "snapshot.refresh.interval.ms";
    static final String SNAPSHOT_REFRESH_DOC = "How often the reference data without a time window is read "
            + "again: the channel type list and the channel type details.";
    static final long SNAPSHOT_REFRESH_DEFAULT = HOUR;

    public static final String WINDOW_END_INCLUSIVE_CONFIG = "api.window.end.inclusive";
    static final String WINDOW_END_INCLUSIVE_DOC = "Whether CINNOX includes records at exactly endAt. The "
            + "API documentation does not say; the connector assumes it does (assumption A-06 in "
            + "docs/cinnox-api.md) and asks for [start, end - 1 ms], so consecutive windows never overlap. Set "
            + "false if CINNOX treats endAt as exclusive; the connector then asks for [start, end].";
    static final boolean WINDOW_END_INCLUSIVE_DEFAULT = true;

    public static final String REQUESTS_PER_MINUTE_CONFIG = "requests.per.minute";
    static final String REQUESTS_PER_MINUTE_DOC = "The most requests per minute that all tasks of this "
            + "connector send to CINNOX together, in any clock minute; each task gets a share (see "
            + "requests.share.check.interval.ms). CINNOX allows 500 requests per "
            + "minute per service account, shared by every integration of the account (other connectors, "
            + "scripts, other Apps of the same account), and refuses requests over the limit until the next "
            + "minute. The default leaves headroom for the others; lower it when they need more.";
    static final int REQUESTS_PER_MINUTE_DEFAULT = 400;

    public static final String SHARE_CHECK_INTERVAL_CONFIG = "requests.share.check.interval.ms";
    static final String SHARE_CHECK_INTERVAL_DOC = "How often the connector checks whether the tasks' shares "
            + "of requests.per.minute should follow their work: it reads the units' offsets, leaves each task "
            + "whose units have caught up about 2 requests a minute per unit, and gives the rest to the tasks with "
            + "a backlog in proportion to the requests they have left (estimated from the units' stored ledgers), "
            + "asking Connect for new task configurations (which restarts the tasks) when the split would move "
            + "at least 5% of the budget and what it moves, over the minutes the backlog left lasts, outweighs "
            + "restarting the tasks (a quarter of a minute of the budget). The first split, made before anything "
            + "was read, is replaced as soon as the ledgers size the units behind, from 20 s after it (the "
            + "offsets are then read every 10 s for up to 2 minutes), rather than one check interval later. "
            + "Shares move from an idle "
            + "task to a busy one in two steps, one check apart, so old and new tasks together stay inside the "
            + "budget while workers replace them; so this must be longer than a worker takes to stop a task. 0 "
            + "keeps a fixed split by each task's live work, changed only when a new chunk begins.";
    static final long SHARE_CHECK_INTERVAL_DEFAULT = MINUTE;

    public static final String SHARE_LENDING_CONFIG = "requests.share.lending";
    static final String SHARE_LENDING_DOC = "Whether tasks on different workers lend each other the part of their "
            + "share they do not use, between two task reconfigurations: every task writes a small budget state "
            + "(its use, whether it wants more, its loans) as the offset of its own partition, carried by a record "
            + "to the heartbeat topic whatever heartbeat.interval.ms says, reads the others' every 10 seconds, "
            + "and an idle task lends its spare to the tasks that want more, for a few clock minutes at a time. "
            + "A loan starts two minutes after it is made and the lender keeps it out of its own budget a minute "
            + "longer on each side, so the connector stays within requests.per.minute in every clock minute "
            + "while workers' clocks differ by less than a minute. false leaves each task its share (tasks of "
            + "one worker still pool theirs).";
    static final boolean SHARE_LENDING_DEFAULT = true;

    public static final String PAGE_SIZE_CONFIG = "page.size";
    static final String PAGE_SIZE_DOC = "How many records one request asks for (the limit parameter); "
            + "CINNOX allows at most 500. Larger pages spend fewer requests of the budget. At least 2: each page "
            + "after the first is asked from the previous page's last row, to check that rows did not move.";
    static final int PAGE_SIZE_DEFAULT = 500;

    public static final String PAGE_LIMIT_SCOPE_CONFIG = "page.limit.scope";
    static final String PAGE_LIMIT_SCOPE_DOC = "Where a page's length counts as proof of how many rows CINNOX "
            + "answers on one page, in case it answers fewer than page.size without saying so. A page shorter "
            + "than asked is taken as the last one only when it is also shorter than the longest page seen; a "
            + "page as long as that is followed by one more request, which, when it finds more rows, teaches the "
            + "connector CINNOX's limit. account: a page on any report counts for every report, because CINNOX "
            + "checks the limit with one rule for every endpoint; chats and campaign recipients, which seldom "
            + "fill a page, then cost no extra request once any report returned a longer page. endpoint: each "
            + "report counts only its own pages (about one extra request per chat as long as the longest so "
            + "far); use it if CINNOX caps some endpoints lower than others.";
    static final String PAGE_LIMIT_SCOPE_DEFAULT = PageLimitScope.ACCOUNT.configName();

    public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.requests";
    static final String MAX_IN_FLIGHT_DOC = "How many requests a task keeps in flight at once: steps of "
            + "different units of work, and child pages (chats, recordings, campaign recipients) fetched ahead of "
            + "the cursor. Each request still takes a permit of the request budget, and the records of one source "
            + "partition still reach Kafka in offset order. Raise it when CINNOX is far away (latency) and the "
            + "budget is not used; 1 sends one request at a time.";
    static final int MAX_IN_FLIGHT_DEFAULT = 4;

    public static final String RECORDING_URL_MODE_CONFIG = "recording.url.mode";
    static final String RECORDING_URL_MODE_DOC = "What to write for the download URL of a recording-file "
            + "record. CINNOX puts no access control on recording download URLs: anyone who can read the topic "
            + "could download the recording while the link is valid. include writes the URL as returned; redact "
            + "keeps scheme, host and path but drops the signed query, so the link names the file but cannot "
            + "download it; omit leaves the field empty.";
    static final String RECORDING_URL_MODE_DEFAULT = RecordingUrlMode.REDACT.configName();

    public static final String RECORD_TIMESTAMP_CONFIG = "record.timestamp";
    static final String RECORD_TIMESTAMP_DOC = "Which time becomes a record's Kafka timestamp: read, the "
            + "moment the connector read the record, or event, the record's own time (creation time, call date, "
            + "campaign date). Warning: with event, the broker applies the topic's retention.ms (7 days by "
            + "default) to the event time, so a backfill of records older than that is deleted by the broker "
            + "moments after it is written (at its next retention check), silently. Use event only on topics whose retention covers history.start. The event "
            + "time is always in the cinnox.event.time header.";
    static final String RECORD_TIMESTAMP_DEFAULT = RecordTimestamp.READ.configName();

    public static final String RETRY_BACKOFF_MAX_CONFIG = "errors.retry.backoff.max.ms";
    static final String RETRY_BACKOFF_MAX_DOC = "The longest wait before a unit of work is tried again after "
            + "a retriable error (a CINNOX outage, a timeout, a reset connection). The wait starts at 1 second and "
            + "doubles with every failure of the same unit up to this value; other units go on meanwhile.";
    static final long RETRY_BACKOFF_MAX_DEFAULT = 5 * MINUTE;

    public static final ConfigDef CONFIG_DEF = configDef();

    private final List<Report> reports;
    private final Map<Report, String> topicOverrides;
    private final HistoryStart historyStart;
    private final WebhookSettings webhook;
    private final LateChildPolicy lateChildren;

    /**
     * Parses and checks {@code props}.
     *
     * @throws ConfigException naming the setting, for a bad value or a broken cross-field rule
     */
    public CinnoxSourceConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
        List<CrossFieldRules.Problem> problems = CrossFieldRules.check(values());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(CrossFieldRules.Problem::message)
                    .collect(Collectors.joining(" ")));
        }
        reports = parseReports(getList(REPORTS_CONFIG));
        topicOverrides = TopicNames.parseOverrides(TOPIC_OVERRIDES_CONFIG, getList(TOPIC_OVERRIDES_CONFIG));
        historyStart = HistoryStart.parse(getString(HISTORY_START_CONFIG));
        webhook = WebhookConfig.settings(this, getString(TOPIC_PREFIX_CONFIG));
        lateChildren = LateChildConfig.policy(this);
    }

    /** A fresh definition of every setting, grouped and ordered for the Connect UI. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        defineConnection(def);
        defineReports(def);
        defineTime(def);
        defineBudget(def);
        defineRecords(def);
        LateChildConfig.define(def);
        WebhookConfig.define(def);
        return def;
    }

    /**
     * Validates {@code props} as the connector's {@code validate()} does: every single-setting check of
     * {@link #CONFIG_DEF}, then the cross-field rules, each message on the setting the user should change.
     */
    public static Config validate(Map<String, String> props) {
        Map<String, ConfigValue> results = CONFIG_DEF.validateAll(props);
        Map<String, Object> valid = new LinkedHashMap<>();
        results.forEach((name, result) -> {
            if (result.errorMessages().isEmpty() && result.value() != null) {
                valid.put(name, result.value());
            }
        });
        for (CrossFieldRules.Problem problem : CrossFieldRules.check(valid)) {
            results.get(problem.key()).addErrorMessage(problem.message());
        }
        futureHistoryStart(valid, Instant.now()).ifPresent(results.get(HISTORY_START_CONFIG)::addErrorMessage);
        List<ConfigValue> ordered = new ArrayList<>();
        CONFIG_DEF.configKeys().keySet().forEach(name -> ordered.add(results.get(name)));
        return new Config(ordered);
    }

    /**
     * A fixed history.start after now: an error when a user submits the configuration, but never when a task
     * parses it, since a task's clock may be simulated and a config once accepted must keep loading.
     */
    static Optional<String> futureHistoryStart(Map<String, Object> valid, Instant now) {
        Object text = valid.get(HISTORY_START_CONFIG);
        if (!(text instanceof String value)) {
            return Optional.empty();
        }
        HistoryStart start = HistoryStart.parse(value);
        if (start.isRelative() || !start.resolve(now).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(HISTORY_START_CONFIG + " '" + value + "' is in the future, so the connector would read "
                + "nothing before then; use a past instant, or a period such as P30D.");
    }

    /** The client settings these values describe; the App Token goes only into them. */
    public ClientSettings clientSettings(Clock clock) {
        return ClientSettings.builder()
                .baseUrl(baseUrl())
                .appId(appId())
                .appToken(new AppToken(appToken().value()))
                .connectTimeout(connectTimeout())
                .readTimeout(readTimeout())
                .callTimeout(callTimeout())
                .pageSize(pageSize())
                .clock(clock)
                .build();
    }

    /** Names the account whose rate budget the requests count against: base URL and App, no secret. */
    public String accountKey() {
        return baseUrl() + "|" + appId();
    }

    /** The Base URL without trailing slashes. */
    public String baseUrl() {
        return getString(BASE_URL_CONFIG).trim().replaceAll("/+$", "");
    }

    public String appId() {
        return getString(APP_ID_CONFIG).trim();
    }

    /** The App Token; its {@code toString()} hides the value, {@code value()} reveals it. */
    public Password appToken() {
        return getPassword(APP_TOKEN_CONFIG);
    }

    public Duration connectTimeout() {
        return millis(CONNECT_TIMEOUT_CONFIG);
    }

    public Duration readTimeout() {
        return millis(READ_TIMEOUT_CONFIG);
    }

    public Duration callTimeout() {
        return millis(CALL_TIMEOUT_CONFIG);
    }

    /** The selected reports in {@link Report} order, without duplicates. */
    public List<Report> reports() {
        return reports;
    }

    /** The topic of {@code report}'s records: its override, or the prefix plus the report name. */
    public String topicFor(Report report) {
        return topicOf(report, getString(TOPIC_PREFIX_CONFIG), topicOverrides);
    }

    /** The heartbeat topic: the configured one, or the prefix plus "heartbeat". */
    public String heartbeatTopic() {
        return heartbeatTopicOf(getString(HEARTBEAT_TOPIC_CONFIG), getString(TOPIC_PREFIX_CONFIG));
    }

    /** The shortest time between two heartbeats of a unit; {@link Duration#ZERO} means no heartbeats. */
    public Duration heartbeatInterval() {
        return millis(HEARTBEAT_INTERVAL_CONFIG);
    }

    /**
     * The instant the history starts at.
     *
     * @param firstStart the connector's first start, against which a period such as P30D is resolved
     */
    public Instant historyStart(Instant firstStart) {
        return historyStart.resolve(firstStart);
    }

    /** True when history.start is a period or duration, so the first start must be remembered. */
    public boolean historyStartIsRelative() {
        return historyStart.isRelative();
    }

    public Duration backfillChunk() {
        return Duration.ofDays(getInt(BACKFILL_CHUNK_DAYS_CONFIG));
    }

    public Duration queryWindowMax() {
        return millis(QUERY_WINDOW_MAX_CONFIG);
    }

    public Duration settle() {
        return millis(SETTLE_CONFIG);
    }

    public Duration pollInterval() {
        return millis(POLL_INTERVAL_CONFIG);
    }

    /** How long records may still change; {@link Duration#ZERO} means they are never re-read. */
    public Duration lookback() {
        return millis(LOOKBACK_CONFIG);
    }

    public Duration sweepInterval() {
        return millis(SWEEP_INTERVAL_CONFIG);
    }

    /** How late data is looked for: settle, the re-scan tiers, the ledger buckets, the longest window. */
    public LateSettings lateSettings() {
        return new LateSettings(settle(), millis(LATE_RECENT_CONFIG), millis(LATE_RECENT_INTERVAL_CONFIG),
                millis(LATE_HORIZON_CONFIG), millis(LATE_HORIZON_INTERVAL_CONFIG), lookback(), sweepInterval(),
                millis(LATE_BUCKET_CONFIG), queryWindowMax());
    }

    public Duration snapshotRefresh() {
        return millis(SNAPSHOT_REFRESH_CONFIG);
    }

    /** True when the API's endAt is inclusive, so windows are asked for as [start, end - 1 ms]. */
    public boolean windowEndInclusive() {
        return getBoolean(WINDOW_END_INCLUSIVE_CONFIG);
    }

    public int requestsPerMinute() {
        return getInt(REQUESTS_PER_MINUTE_CONFIG);
    }

    /** How often shares are checked against demand; zero when shares stay fixed. */
    public Duration shareCheckInterval() {
        return millis(SHARE_CHECK_INTERVAL_CONFIG);
    }

    /** Whether tasks lend each other unused budget across workers between reconfigurations. */
    public boolean shareLending() {
        return getBoolean(SHARE_LENDING_CONFIG);
    }

    public int pageSize() {
        return getInt(PAGE_SIZE_CONFIG);
    }

    /** Where a page's length counts as proof of the rows CINNOX answers a page (see {@code PageLimits}). */
    public PageLimitScope pageLimitScope() {
        return PageLimitScope.of(getString(PAGE_LIMIT_SCOPE_CONFIG));
    }

    /** How many requests a task keeps in flight at once (1: one at a time). */
    public int maxInFlightRequests() {
        return getInt(MAX_IN_FLIGHT_CONFIG);
    }

    public RecordingUrlMode recordingUrlMode() {
        return RecordingUrlMode.of(getString(RECORDING_URL_MODE_CONFIG));
    }

    public RecordTimestamp recordTimestamp() {
        return RecordTimestamp.of(getString(RECORD_TIMESTAMP_CONFIG));
    }

    /** The enquiry event receiver's settings (webhook mode). */
    /** How recordings not there yet and chats refused with 6451013 are asked again. */
    public LateChildPolicy lateChildPolicy() {
        return lateChildren;
    }

    public WebhookSettings webhook() {
        return webhook;
    }

    public Duration retryBackoffMax() {
        return millis(RETRY_BACKOFF_MAX_CONFIG);
    }

    /** Every setting on one line, in definition order, the App Token masked; for the start-up INFO line. */
    public String describe() {
        StringBuilder line = new StringBuilder("CINNOX source configuration:");
        for (ConfigDef.ConfigKey key : CONFIG_DEF.configKeys().values()) {
            line.append(' ').append(key.name).append('=').append(shown(key));
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    static String topicOf(Report report, String prefix, Map<Report, String> overrides) {
        return overrides.getOrDefault(report, prefix + report.apiName());
    }

    static String heartbeatTopicOf(String heartbeatTopic, String prefix) {
        return heartbeatTopic.isEmpty() ? prefix + "heartbeat" : heartbeatTopic;
    }

    static List<Report> parseReports(List<String> names) {
        Set<Report> selected = EnumSet.noneOf(Report.class);
        names.forEach(name -> selected.add(Report.require(name)));
        return List.copyOf(selected);
    }

    private String shown(ConfigDef.ConfigKey key) {
        Object value = values().get(key.name);
        if (key.type == Type.PASSWORD) {
            return Password.HIDDEN;
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    private Duration millis(String key) {
        return Duration.ofMillis(getLong(key));
    }

    private static String childRequirements() {
        List<String> sentences = new ArrayList<>();
        for (Report report : Report.values()) {
            if (report.kind() == Report.Kind.CHILD) {
                sentences.add(report + " needs " + report.parents().stream().map(Report::apiName)
                        .collect(Collectors.joining(" or ")));
            }
        }
        return String.join(", ", sentences);
    }

    // A setting may be the dependent of one other setting only: ConfigDef.validate() parses a dependent once
    // per parent and would repeat its error messages.
    private static void defineConnection(ConfigDef def) {
        int order = 0;
        def.define(BASE_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.baseUrl(),
                Importance.HIGH, BASE_URL_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Base URL");
        def.define(APP_ID_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank(),
                Importance.HIGH, APP_ID_DOC, CONNECTION_GROUP, ++order, Width.MEDIUM, "App ID");
        def.define(APP_TOKEN_CONFIG, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank(),
                Importance.HIGH, APP_TOKEN_DOC, CONNECTION_GROUP, ++order, Width.LONG, "App Token");
        def.define(CONNECT_TIMEOUT_CONFIG, Type.LONG, CONNECT_TIMEOUT_DEFAULT, atLeastMillis(1),
                Importance.LOW, CONNECT_TIMEOUT_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Connect timeout (ms)");
        def.define(READ_TIMEOUT_CONFIG, Type.LONG, READ_TIMEOUT_DEFAULT, atLeastMillis(1),
                Importance.LOW, READ_TIMEOUT_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Read timeout (ms)",
                List.of(CALL_TIMEOUT_CONFIG));
        def.define(CALL_TIMEOUT_CONFIG, Type.LONG, CALL_TIMEOUT_DEFAULT, atLeastMillis(1),
                Importance.LOW, CALL_TIMEOUT_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Call timeout (ms)");
        def.define(RETRY_BACKOFF_MAX_CONFIG, Type.LONG, RETRY_BACKOFF_MAX_DEFAULT,
                ConfigValidators.millis(SECOND, Long.MAX_VALUE), Importance.LOW, RETRY_BACKOFF_MAX_DOC,
                CONNECTION_GROUP, ++order, Width.SHORT, "Longest retry backoff (ms)");
    }

    private static void defineReports(ConfigDef def) {
        int order = 0;
        def.define(REPORTS_CONFIG, Type.LIST, Report.names(), ConfigValidators.reportList(), Importance.HIGH,
                REPORTS_DOC, REPORTS_GROUP, ++order, Width.LONG, "Reports", List.of(),
                ConfigValidators.fixedValues(Report.names()));
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, TOPIC_PREFIX_DEFAULT, ConfigValidators.topicPrefix(),
                Importance.MEDIUM, TOPIC_PREFIX_DOC, REPORTS_GROUP, ++order, Width.MEDIUM, "Topic prefix",
                List.of(HEARTBEAT_TOPIC_CONFIG));
        def.define(TOPIC_OVERRIDES_CONFIG, Type.LIST, List.of(), ConfigValidators.topicOverrides(),
                Importance.LOW, TOPIC_OVERRIDES_DOC, REPORTS_GROUP, ++order, Width.LONG, "Topic overrides");
        def.define(HEARTBEAT_TOPIC_CONFIG, Type.STRING, HEARTBEAT_TOPIC_DEFAULT, ConfigValidators.optionalTopic(),
                Importance.LOW, HEARTBEAT_TOPIC_DOC, REPORTS_GROUP, ++order, Width.MEDIUM, "Heartbeat topic");
        def.define(HEARTBEAT_INTERVAL_CONFIG, Type.LONG, HEARTBEAT_INTERVAL_DEFAULT, atLeastMillis(0),
                Importance.LOW, HEARTBEAT_INTERVAL_DOC, REPORTS_GROUP, ++order, Width.SHORT,
                "Heartbeat interval (ms)");
    }

    private static void defineTime(ConfigDef def) {
        int order = 0;
        def.define(HISTORY_START_CONFIG, Type.STRING, HISTORY_START_DEFAULT, ConfigValidators.historyStart(),
                Importance.HIGH, HISTORY_START_DOC, TIME_GROUP, ++order, Width.MEDIUM, "History start");
        def.define(BACKFILL_CHUNK_DAYS_CONFIG, Type.INT, BACKFILL_CHUNK_DAYS_DEFAULT, ConfigValidators.between(1, 90),
                Importance.LOW, BACKFILL_CHUNK_DAYS_DOC, TIME_GROUP, ++order, Width.SHORT, "Backfill chunk (days)",
                List.of(QUERY_WINDOW_MAX_CONFIG));
        def.define(QUERY_WINDOW_MAX_CONFIG, Type.LONG, QUERY_WINDOW_MAX_DEFAULT,
                ConfigValidators.millis(MINUTE, 90 * DAY), Importance.LOW, QUERY_WINDOW_MAX_DOC, TIME_GROUP, ++order,
                Width.SHORT, "Longest query window (ms)");
        def.define(SETTLE_CONFIG, Type.LONG, SETTLE_DEFAULT, atLeastMillis(0), Importance.MEDIUM, SETTLE_DOC,
                TIME_GROUP, ++order, Width.SHORT, "Window settle time (ms)", List.of(LOOKBACK_CONFIG));
        def.define(POLL_INTERVAL_CONFIG, Type.LONG, POLL_INTERVAL_DEFAULT, atLeastMillis(1), Importance.MEDIUM,
                POLL_INTERVAL_DOC, TIME_GROUP, ++order, Width.SHORT, "Poll interval (ms)");
        def.define(LOOKBACK_CONFIG, Type.LONG, LOOKBACK_DEFAULT, atLeastMillis(0), Importance.MEDIUM,
                LOOKBACK_DOC, TIME_GROUP, ++order, Width.SHORT, "Look-back (ms)", List.of(SWEEP_INTERVAL_CONFIG));
        def.define(SWEEP_INTERVAL_CONFIG, Type.LONG, SWEEP_INTERVAL_DEFAULT, atLeastMillis(1), Importance.LOW,
                SWEEP_INTERVAL_DOC, TIME_GROUP, ++order, Width.SHORT, "Look-back sweep interval (ms)");
        def.define(LATE_HORIZON_CONFIG, Type.LONG, LATE_HORIZON_DEFAULT, atLeastMillis(0), Importance.MEDIUM,
                LATE_HORIZON_DOC, TIME_GROUP, ++order, Width.SHORT, "Late-row horizon (ms)",
                List.of(LATE_RECENT_CONFIG));
        def.define(LATE_HORIZON_INTERVAL_CONFIG, Type.LONG, LATE_HORIZON_INTERVAL_DEFAULT, atLeastMillis(1),
                Importance.LOW, LATE_HORIZON_INTERVAL_DOC, TIME_GROUP, ++order, Width.SHORT,
                "Late-row horizon re-scan interval (ms)");
        def.define(LATE_RECENT_CONFIG, Type.LONG, LATE_RECENT_DEFAULT, atLeastMillis(0), Importance.LOW,
                LATE_RECENT_DOC, TIME_GROUP, ++order, Width.SHORT, "Recent re-scan stretch (ms)");
        def.define(LATE_RECENT_INTERVAL_CONFIG, Type.LONG, LATE_RECENT_INTERVAL_DEFAULT, atLeastMillis(1),
                Importance.LOW, LATE_RECENT_INTERVAL_DOC, TIME_GROUP, ++order, Width.SHORT,
                "Recent re-scan interval (ms)");
        def.define(LATE_BUCKET_CONFIG, Type.LONG, LATE_BUCKET_DEFAULT, ConfigValidators.dayDivisor(), Importance.LOW,
                LATE_BUCKET_DOC, TIME_GROUP, ++order, Width.SHORT, "Ledger bucket (ms)");
        def.define(SNAPSHOT_REFRESH_CONFIG, Type.LONG, SNAPSHOT_REFRESH_DEFAULT, atLeastMillis(1), Importance.LOW,
                SNAPSHOT_REFRESH_DOC, TIME_GROUP, ++order, Width.SHORT, "Snapshot refresh interval (ms)");
        def.define(WINDOW_END_INCLUSIVE_CONFIG, Type.BOOLEAN, WINDOW_END_INCLUSIVE_DEFAULT, Importance.LOW,
                WINDOW_END_INCLUSIVE_DOC, TIME_GROUP, ++order, Width.SHORT, "API endAt is inclusive");
    }

    private static void defineBudget(ConfigDef def) {
        int order = 0;
        def.define(REQUESTS_PER_MINUTE_CONFIG, Type.INT, REQUESTS_PER_MINUTE_DEFAULT,
                ConfigValidators.between(1, 500), Importance.HIGH, REQUESTS_PER_MINUTE_DOC, BUDGET_GROUP, ++order,
                Width.SHORT, "Requests per minute");
        def.define(SHARE_CHECK_INTERVAL_CONFIG, Type.LONG, SHARE_CHECK_INTERVAL_DEFAULT,
                ConfigValidators.offOrMillis(MINUTE, DAY), Importance.LOW, SHARE_CHECK_INTERVAL_DOC, BUDGET_GROUP,
                ++order, Width.SHORT, "Share check interval (ms)");
        def.define(SHARE_LENDING_CONFIG, Type.BOOLEAN, SHARE_LENDING_DEFAULT, Importance.LOW, SHARE_LENDING_DOC,
                BUDGET_GROUP, ++order, Width.SHORT, "Lend unused shares across workers");
        def.define(PAGE_SIZE_CONFIG, Type.INT, PAGE_SIZE_DEFAULT, ConfigValidators.between(2, 500),
                Importance.LOW, PAGE_SIZE_DOC, BUDGET_GROUP, ++order, Width.SHORT, "Page size");
        def.define(PAGE_LIMIT_SCOPE_CONFIG, Type.STRING, PAGE_LIMIT_SCOPE_DEFAULT,
                ConfigValidators.oneOf(PageLimitScope.configNames()), Importance.LOW, PAGE_LIMIT_SCOPE_DOC,
                BUDGET_GROUP, ++order, Width.SHORT, "Page limit scope", List.of(),
                ConfigValidators.fixedValues(PageLimitScope.configNames()));
        def.define(MAX_IN_FLIGHT_CONFIG, Type.INT, MAX_IN_FLIGHT_DEFAULT, ConfigValidators.between(1, 32),
                Importance.LOW, MAX_IN_FLIGHT_DOC, BUDGET_GROUP, ++order, Width.SHORT, "Requests in flight");
    }

    private static void defineRecords(ConfigDef def) {
        int order = 0;
        def.define(RECORDING_URL_MODE_CONFIG, Type.STRING, RECORDING_URL_MODE_DEFAULT,
                ConfigValidators.oneOf(RecordingUrlMode.configNames()), Importance.MEDIUM, RECORDING_URL_MODE_DOC,
                RECORDS_GROUP, ++order, Width.SHORT, "Recording URL mode", List.of(),
                ConfigValidators.fixedValues(RecordingUrlMode.configNames()));
        def.define(RECORD_TIMESTAMP_CONFIG, Type.STRING, RECORD_TIMESTAMP_DEFAULT,
                ConfigValidators.oneOf(RecordTimestamp.configNames()), Importance.MEDIUM, RECORD_TIMESTAMP_DOC,
                RECORDS_GROUP, ++order, Width.SHORT, "Record timestamp", List.of(),
                ConfigValidators.fixedValues(RecordTimestamp.configNames()));
    }

    private static ConfigDef.Validator atLeastMillis(long min) {
        return ConfigValidators.millis(min, Long.MAX_VALUE);
    }
}
