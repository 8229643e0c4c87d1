package io.kafkaconnect.cinnox.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad configurations of issue 11 item 5 that a worker's {@code config/validate} must answer with an error
 * on the setting to change: each is a valid configuration with one thing wrong. The credentials cases need the
 * run's simulator (a token or App ID it does not know, a port nobody listens on).
 */
final class ValidateCases {

    /** One bad configuration: what is wrong, the setting that must carry the error, the changes to the base. */
    record Case(String name, String field, Map<String, String> set, List<String> remove) {

        /** The base configuration with this case's changes. */
        Map<String, String> apply(Map<String, String> base) {
            Map<String, String> config = new LinkedHashMap<>(base);
            remove.forEach(config::remove);
            config.putAll(set);
            return config;
        }
    }

    static final String WEBHOOK_SECRET = "ci-webhook-secret-0123456789abcdef";

    private final List<Case> cases = new ArrayList<>();

    private ValidateCases() {
    }

    /** Every case; {@code unusedPort} is a 127.0.0.1 port nobody listens on. */
    static List<Case> all(int unusedPort) {
        ValidateCases c = new ValidateCases();
        c.connection(unusedPort);
        c.reports();
        c.time();
        c.budgetAndRecords();
        c.webhook();
        return c.cases;
    }

    /** Turns the enquiry event receiver on with valid settings, then applies {@code pairs} (key, value, ...). */
    static Map<String, String> webhookOn(String... pairs) {
        Map<String, String> set = new LinkedHashMap<>(Map.of("webhook.enabled", "true",
                "webhook.public.url", "https://hooks.example.org/cinnox/enquiry-events",
                "webhook.secret", WEBHOOK_SECRET));
        set.putAll(pairs(pairs));
        return set;
    }

    private void connection(int unusedPort) {
        missing("no Base URL", "cinnox.base.url");
        bad("Base URL not a URL", "cinnox.base.url", "ht tp://exa mple");
        bad("Base URL relative", "cinnox.base.url", "example.cinnox.com");
        bad("Base URL ftp", "cinnox.base.url", "ftp://example.cinnox.com");
        bad("Base URL plain http to a remote host", "cinnox.base.url", "http://example.cinnox.com");
        bad("Base URL with credentials", "cinnox.base.url", "https://user:pw@example.cinnox.com");
        bad("Base URL with a query", "cinnox.base.url", "https://example.cinnox.com/?region=hk");
        bad("Base URL nobody answers", "cinnox.base.url", "http://127.0.0.1:" + unusedPort);
        missing("no App ID", "cinnox.app.id");
        bad("blank App ID", "cinnox.app.id", "   ");
        bad("App ID CINNOX does not know", "cinnox.app.id", "app-nobody");
        missing("no App Token", "cinnox.app.token");
        bad("blank App Token", "cinnox.app.token", " ");
        bad("App Token CINNOX rejects", "cinnox.app.token", "wrong-token-0123456789");
        bad("connect timeout 0", "cinnox.http.connect.timeout.ms", "0");
        bad("connect timeout not a number", "cinnox.http.connect.timeout.ms", "ten seconds");
        bad("read timeout negative", "cinnox.http.read.timeout.ms", "-5");
        add("call timeout below the read timeout", "cinnox.http.call.timeout.ms",
                "cinnox.http.read.timeout.ms", "5000", "cinnox.http.call.timeout.ms", "1000");
        bad("retry backoff below a second", "errors.retry.backoff.max.ms", "10");
    }

    private void reports() {
        bad("no report", "reports", "");
        bad("unknown report", "reports", "enquiry-detail,call-records");
        bad("report named twice", "reports", "call-log,sms-detail,call-log");
        bad("child report without its parent", "reports", "recording-file,sms-detail");
        bad("topic prefix with a space", "topic.prefix", "my topics.");
        bad("override without a topic", "topic.overrides", "enquiry-detail");
        bad("override of an unknown report", "topic.overrides", "call-records:crm.calls");
        bad("two reports on one topic", "topic.overrides", "call-log:crm.calls,call-detail:crm.calls");
        bad("one report overridden twice", "topic.overrides", "call-log:crm.a,call-log:crm.b");
        bad("override to an illegal topic", "topic.overrides", "call-log:crm/calls");
        bad("heartbeat topic illegal", "heartbeat.topic", "beats?");
        bad("heartbeat topic of a report", "heartbeat.topic", ConnectorSettings.PREFIX + "call-log");
        bad("heartbeat interval negative", "heartbeat.interval.ms", "-1");
    }

    private void time() {
        bad("history start not a date", "history.start", "last tuesday");
        bad("history start in the future", "history.start", "2999-01-01T00:00:00Z");
        bad("history start negative period", "history.start", "P-5D");
        bad("history start impossible date", "history.start", "2025-13-01T00:00:00Z");
        bad("backfill chunk 0 days", "backfill.chunk.days", "0");
        bad("backfill chunk 91 days", "backfill.chunk.days", "91");
        bad("query window below a minute", "query.window.max.ms", "1000");
        bad("settle negative", "window.settle.ms", "-1");
        bad("poll interval 0", "poll.interval.ms", "0");
        add("look-back not longer than settle", "lookback.ms", "window.settle.ms", "120000", "lookback.ms", "60000");
        add("sweep not shorter than look-back", "lookback.sweep.interval.ms", "lookback.ms", "3600000",
                "lookback.sweep.interval.ms", "3600000");
        add("late horizon shorter than recent", "late.horizon.ms", "late.horizon.ms", "60000", "late.recent.ms",
                "3600000");
        bad("ledger bucket not dividing a day", "late.bucket.ms", "7000000");
        bad("snapshot refresh 0", "snapshot.refresh.interval.ms", "0");
        bad("end inclusive not a boolean", "api.window.end.inclusive", "maybe");
    }

    private void budgetAndRecords() {
        bad("0 requests a minute", "requests.per.minute", "0");
        bad("501 requests a minute", "requests.per.minute", "501");
        bad("requests a minute not a number", "requests.per.minute", "many");
        bad("share check every second", "requests.share.check.interval.ms", "1000");
        bad("page size 0", "page.size", "0");
        bad("page size 1 (no room for the overlap row)", "page.size", "1");
        bad("page size 1000", "page.size", "1000");
        bad("unknown page limit scope", "page.limit.scope", "task");
        bad("unknown recording URL mode", "recording.url.mode", "public");
        bad("unknown record timestamp", "record.timestamp", "now");
        bad("tasks.max 0 (Connect's own setting)", "tasks.max", "0");
    }

    private void webhook() {
        hook("webhook on without a public URL", "webhook.public.url", webhookOn("webhook.public.url", ""));
        hook("webhook public URL not http", "webhook.public.url", webhookOn("webhook.public.url", "ftp://hooks.org/x"));
        hook("webhook public URL relative", "webhook.public.url", webhookOn("webhook.public.url", "/cinnox/events"));
        hook("webhook public URL with a query", "webhook.public.url",
                webhookOn("webhook.public.url", "https://hooks.example.org/e?key=1"));
        Map<String, String> noSecret = webhookOn();
        noSecret.remove("webhook.secret");
        hook("webhook on without a secret", "webhook.secret", noSecret);
        hook("webhook secret too short", "webhook.secret", webhookOn("webhook.secret", "short-secret"));
        hook("webhook secret with illegal characters", "webhook.secret",
                webhookOn("webhook.secret", "secret with spaces and !!! marks"));
        hook("webhook enabled not a boolean", "webhook.enabled", webhookOn("webhook.enabled", "yes"));
        hook("webhook port 0", "webhook.port", webhookOn("webhook.port", "0"));
        hook("webhook port 70000", "webhook.port", webhookOn("webhook.port", "70000"));
        hook("webhook path without a slash", "webhook.path", webhookOn("webhook.path", "cinnox-events"));
        hook("webhook topic illegal", "webhook.topic", webhookOn("webhook.topic", "enquiry events"));
        hook("webhook buffer 0 events", "webhook.buffer.max.events", webhookOn("webhook.buffer.max.events", "0"));
        hook("webhook ack timeout 10 ms", "webhook.ack.timeout.ms", webhookOn("webhook.ack.timeout.ms", "10"));
        hook("webhook body limit 10 bytes", "webhook.max.body.bytes", webhookOn("webhook.max.body.bytes", "10"));
        hook("webhook re-registration every 5 ms", "webhook.register.interval.ms",
                webhookOn("webhook.register.interval.ms", "5"));
        hook("webhook keystore without password", "webhook.keystore.password",
                webhookOn("webhook.keystore.location", "/etc/kafka/cinnox-hooks.p12"));
        hook("webhook keystore type PEM", "webhook.keystore.type", webhookOn("webhook.keystore.type", "PEM"));
        hook("webhook bind address blank", "webhook.bind.address", webhookOn("webhook.bind.address", " "));
    }

    private void missing(String name, String field) {
        cases.add(new Case(name, field, Map.of(), List.of(field)));
    }

    private void bad(String name, String field, String value) {
        cases.add(new Case(name, field, Map.of(field, value), List.of()));
    }

    private void add(String name, String field, String... pairs) {
        cases.add(new Case(name, field, pairs(pairs), List.of()));
    }

    private void hook(String name, String field, Map<String, String> set) {
        List<String> remove = set.containsKey("webhook.secret") ? List.of() : List.of("webhook.secret");
        cases.add(new Case(name, field, set, remove));
    }

    private static Map<String, String> pairs(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
