package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.webhook.WebhookSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of the enquiry event webhook mode: definitions, the rules between them, and the typed
 * {@link WebhookSettings} the task's receiver runs on. Kept apart from {@link CinnoxSourceConfig} so
 * that class stays about polling.
 */
public final class WebhookConfig {

    static final String GROUP = "Enquiry events (webhook)";

    public static final String ENABLED_CONFIG = "webhook.enabled";
    static final String ENABLED_DOC = "Whether the connector receives CINNOX enquiry events (an enquiry was "
            + "opened, is being handled, was missed or was closed) through the enquiry event subscription, "
            + "within about a second instead of after window.settle.ms. One task hosts an HTTP receiver and "
            + "registers webhook.public.url with CINNOX; the events go to webhook.topic. The polled "
            + "enquiry-detail records stay the source of truth. See docs/operations.md, \"Enquiry events\".";

    public static final String DEREGISTER_CONFIG = "webhook.deregister";
    static final String DEREGISTER_DOC = "When true, the connector removes the App's enquiry event "
            + "subscription at start (it retries until CINNOX confirms) and runs no receiver, whatever "
            + "webhook.enabled says. Set it before deleting a connector that received events, so CINNOX stops "
            + "calling a URL nobody answers.";

    public static final String PUBLIC_URL_CONFIG = "webhook.public.url";
    static final String PUBLIC_URL_DOC = "The absolute http or https URL at which CINNOX reaches the receiver, "
            + "usually through a reverse proxy that forwards to webhook.bind.address:webhook.port"
            + "webhook.path on every Connect worker, and without the secret: the connector registers this URL "
            + "followed by /<webhook.secret>. Required when webhook.enabled is true.";

    public static final String SECRET_CONFIG = "webhook.secret";
    static final String SECRET_DOC = "The secret that CINNOX's requests must carry, because CINNOX signs "
            + "nothing: the registered URL ends in it as the last path segment, and the receiver answers 404 to "
            + "any request without it. At least 24 characters of letters, digits, '-' and '_' (for example the "
            + "output of openssl rand -hex 24). Required when webhook.enabled is true. Never logged.";

    static final String BIND_ADDRESS_CONFIG = "webhook.bind.address";
    static final String BIND_ADDRESS_DOC = "The local address the receiver listens on. The default accepts "
            + "connections from the same host only (a reverse proxy on the worker host); 0.0.0.0 listens on "
            + "every interface.";
    static final String BIND_ADDRESS_DEFAULT = "127.0.0.1";

    public static final String PORT_CONFIG = "webhook.port";
    static final String PORT_DOC = "The TCP port the receiver listens on. It must be free on every worker, "
            + "because the receiving task may run on any of them.";
    static final int PORT_DEFAULT = 8089;

    static final String PATH_CONFIG = "webhook.path";
    static final String PATH_DOC = "The local path of the receiver; requests must go to <webhook.path>/"
            + "<webhook.secret>. It starts with '/'.";
    static final String PATH_DEFAULT = "/cinnox/enquiry-events";

    static final String TOPIC_CONFIG = "webhook.topic";
    static final String TOPIC_DOC = "The topic of the enquiry event records. Empty means "
            + "<topic.prefix>enquiry-events.";
    static final String TOPIC_DEFAULT = "";

    static final String BUFFER_MAX_EVENTS_CONFIG = "webhook.buffer.max.events";
    static final String BUFFER_MAX_EVENTS_DOC = "The most events the receiver holds that are not yet "
            + "acknowledged by Kafka. While the buffer is full, the receiver answers 503 so the sender may try "
            + "again later.";
    static final int BUFFER_MAX_EVENTS_DEFAULT = 1_000;

    static final String ACK_TIMEOUT_CONFIG = "webhook.ack.timeout.ms";
    static final String ACK_TIMEOUT_DOC = "How long the receiver waits for Kafka to acknowledge an event's "
            + "record before it answers 503 instead of 200. Keep it below the sender's timeout (assumed 5 "
            + "seconds for CINNOX). A record acknowledged after the 503 is still in Kafka; if the sender "
            + "retries, the event is written twice.";
    static final long ACK_TIMEOUT_DEFAULT = 4_000L;

    static final String MAX_BODY_BYTES_CONFIG = "webhook.max.body.bytes";
    static final String MAX_BODY_BYTES_DOC = "The largest request body the receiver reads; larger requests "
            + "are answered 413.";
    static final int MAX_BODY_BYTES_DEFAULT = 65_536;

    static final String REGISTER_INTERVAL_CONFIG = "webhook.register.interval.ms";
    static final String REGISTER_INTERVAL_DOC = "How often the receiving task registers the subscription "
            + "again after it succeeded, so that a subscription removed or changed elsewhere is restored. A "
            + "failed registration is retried after 1 second, doubling up to this interval.";
    static final long REGISTER_INTERVAL_DEFAULT = 10 * 60_000L;

    static final String KEYSTORE_LOCATION_CONFIG = "webhook.keystore.location";
    static final String KEYSTORE_LOCATION_DOC = "A keystore file with the receiver's TLS key and certificate. "
            + "Empty serves plain HTTP, for a reverse proxy that terminates TLS.";
    static final String KEYSTORE_PASSWORD_CONFIG = "webhook.keystore.password";
    static final String KEYSTORE_PASSWORD_DOC = "The password of webhook.keystore.location (also used for the "
            + "key). Required when webhook.keystore.location is set.";
    static final String KEYSTORE_TYPE_CONFIG = "webhook.keystore.type";
    static final String KEYSTORE_TYPE_DOC = "The type of webhook.keystore.location: PKCS12 or JKS.";
    static final String KEYSTORE_TYPE_DEFAULT = "PKCS12";

    /** The topic suffix of the event records, beside the reports' names. */
    static final String TOPIC_SUFFIX = "enquiry-events";

    static final int SECRET_MIN_LENGTH = 24;
    private static final Pattern SECRET_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private WebhookConfig() {
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(ENABLED_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM, ENABLED_DOC, GROUP, ++order,
                Width.SHORT, "Receive enquiry events");
        def.define(PUBLIC_URL_CONFIG, Type.STRING, "", Importance.MEDIUM, PUBLIC_URL_DOC, GROUP, ++order,
                Width.LONG, "Public URL");
        def.define(SECRET_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, SECRET_DOC, GROUP, ++order,
                Width.LONG, "Secret");
        def.define(DEREGISTER_CONFIG, Type.BOOLEAN, false, Importance.LOW, DEREGISTER_DOC, GROUP, ++order,
                Width.SHORT, "Remove the subscription");
        def.define(BIND_ADDRESS_CONFIG, Type.STRING, BIND_ADDRESS_DEFAULT, ConfigValidators.nonBlank(),
                Importance.LOW, BIND_ADDRESS_DOC, GROUP, ++order, Width.MEDIUM, "Bind address");
        def.define(PORT_CONFIG, Type.INT, PORT_DEFAULT, ConfigValidators.between(1, 65_535), Importance.LOW,
                PORT_DOC, GROUP, ++order, Width.SHORT, "Port");
        def.define(PATH_CONFIG, Type.STRING, PATH_DEFAULT, pathValidator(), Importance.LOW, PATH_DOC, GROUP,
                ++order, Width.MEDIUM, "Path");
        def.define(TOPIC_CONFIG, Type.STRING, TOPIC_DEFAULT, ConfigValidators.optionalTopic(), Importance.LOW,
                TOPIC_DOC, GROUP, ++order, Width.MEDIUM, "Topic");
        def.define(BUFFER_MAX_EVENTS_CONFIG, Type.INT, BUFFER_MAX_EVENTS_DEFAULT,
                ConfigValidators.between(1, 1_000_000), Importance.LOW, BUFFER_MAX_EVENTS_DOC, GROUP, ++order,
                Width.SHORT, "Buffer size (events)");
        def.define(ACK_TIMEOUT_CONFIG, Type.LONG, ACK_TIMEOUT_DEFAULT, ConfigValidators.millis(100, 60_000),
                Importance.LOW, ACK_TIMEOUT_DOC, GROUP, ++order, Width.SHORT, "Kafka acknowledgement timeout (ms)");
        def.define(MAX_BODY_BYTES_CONFIG, Type.INT, MAX_BODY_BYTES_DEFAULT, ConfigValidators.between(1_024, 10_485_760),
                Importance.LOW, MAX_BODY_BYTES_DOC, GROUP, ++order, Width.SHORT, "Largest body (bytes)");
        def.define(REGISTER_INTERVAL_CONFIG, Type.LONG, REGISTER_INTERVAL_DEFAULT,
                ConfigValidators.millis(1_000, Long.MAX_VALUE), Importance.LOW, REGISTER_INTERVAL_DOC, GROUP,
                ++order, Width.SHORT, "Re-registration interval (ms)");
        def.define(KEYSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.LOW, KEYSTORE_LOCATION_DOC, GROUP,
                ++order, Width.LONG, "TLS keystore");
        def.define(KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW, KEYSTORE_PASSWORD_DOC, GROUP,
                ++order, Width.MEDIUM, "TLS keystore password");
        def.define(KEYSTORE_TYPE_CONFIG, Type.STRING, KEYSTORE_TYPE_DEFAULT,
                ConfigValidators.oneOf(List.of("pkcs12", "jks")), Importance.LOW, KEYSTORE_TYPE_DOC, GROUP, ++order,
                Width.SHORT, "TLS keystore type");
    }

    /** The rules between the webhook settings, checked only when the receiver would run. */
    static void check(Map<String, ?> parsed, List<CrossFieldRules.Problem> problems) {
        if (!Boolean.TRUE.equals(parsed.get(ENABLED_CONFIG)) || Boolean.TRUE.equals(parsed.get(DEREGISTER_CONFIG))) {
            return;
        }
        String url = (String) parsed.get(PUBLIC_URL_CONFIG);
        if (url != null) {
            urlProblem(url).ifPresent(p -> problems.add(new CrossFieldRules.Problem(PUBLIC_URL_CONFIG, p)));
        }
        // Both secrets have no single-setting validator, so absent here means not set.
        Password secret = (Password) parsed.get(SECRET_CONFIG);
        String text = secret == null ? null : secret.value();
        if (text == null || text.length() < SECRET_MIN_LENGTH || !SECRET_CHARACTERS.matcher(text).matches()) {
            problems.add(new CrossFieldRules.Problem(SECRET_CONFIG, SECRET_CONFIG + " must be set to at least "
                    + SECRET_MIN_LENGTH + " characters of letters, digits, '-' and '_' when " + ENABLED_CONFIG
                    + " is true, because CINNOX signs nothing and the secret is what tells its requests "
                    + "from forged ones; generate one with: openssl rand -hex 24."));
        }
        String keystore = (String) parsed.get(KEYSTORE_LOCATION_CONFIG);
        if (keystore != null && !keystore.isBlank() && parsed.get(KEYSTORE_PASSWORD_CONFIG) == null) {
            problems.add(new CrossFieldRules.Problem(KEYSTORE_PASSWORD_CONFIG, KEYSTORE_PASSWORD_CONFIG
                    + " must be set when " + KEYSTORE_LOCATION_CONFIG + " is set."));
        }
    }

    private static java.util.Optional<String> urlProblem(String url) {
        String hint = "; set it to the absolute http(s) URL at which CINNOX reaches the receiver, such as "
                + "https://hooks.example.org/cinnox/enquiry-events, without the secret.";
        if (url.isBlank()) {
            return java.util.Optional.of(PUBLIC_URL_CONFIG + " is required when " + ENABLED_CONFIG + " is true"
                    + hint);
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return java.util.Optional.of(PUBLIC_URL_CONFIG + " '" + url + "' is not an absolute http(s) URL "
                        + "without credentials, query or fragment" + hint);
            }
        } catch (URISyntaxException e) {
            return java.util.Optional.of(PUBLIC_URL_CONFIG + " '" + url + "' is not a URL" + hint);
        }
        return java.util.Optional.empty();
    }

    private static ConfigDef.Validator pathValidator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || !PATH.matcher((String) value).matches()) {
                    throw new ConfigException(name + " is '" + value + "'; set it to a path such as "
                            + PATH_DEFAULT + ": '/'-separated segments of letters, digits, '.', '_', '~' and '-'.");
                }
            }

            @Override
            public String toString() {
                return "a path starting with '/', such as " + PATH_DEFAULT;
            }
        };
    }

    /** The typed settings; the URL and secret are null unless the receiver would run. */
    static WebhookSettings settings(AbstractConfig config, String topicPrefix) {
        boolean enabled = config.getBoolean(ENABLED_CONFIG);
        boolean deregister = config.getBoolean(DEREGISTER_CONFIG);
        String url = config.getString(PUBLIC_URL_CONFIG).trim();
        String topic = config.getString(TOPIC_CONFIG);
        String keystore = config.getString(KEYSTORE_LOCATION_CONFIG).trim();
        return new WebhookSettings(enabled, deregister, config.getString(BIND_ADDRESS_CONFIG).trim(),
                config.getInt(PORT_CONFIG), config.getString(PATH_CONFIG),
                url.isEmpty() ? null : URI.create(url), config.getPassword(SECRET_CONFIG),
                topic.isEmpty() ? topicPrefix + TOPIC_SUFFIX : topic, config.getInt(BUFFER_MAX_EVENTS_CONFIG),
                Duration.ofMillis(config.getLong(ACK_TIMEOUT_CONFIG)), config.getInt(MAX_BODY_BYTES_CONFIG),
                Duration.ofMillis(config.getLong(REGISTER_INTERVAL_CONFIG)),
                keystore.isEmpty() ? null : Path.of(keystore), config.getPassword(KEYSTORE_PASSWORD_CONFIG),
                config.getString(KEYSTORE_TYPE_CONFIG).trim().toUpperCase(Locale.ROOT));
    }
}
