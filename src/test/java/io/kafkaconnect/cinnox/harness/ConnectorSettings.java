package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector configuration a run deploys through the REST API. Every run uses a fresh random App Token
 * (the simulator is started with it) and webhook secret, so that searching logs and REST answers for them
 * finds only real leaks.
 */
final class ConnectorSettings {

    static final String NAME = "cinnox-harness";
    static final String CLASS = "io.kafkaconnect.cinnox.source.CinnoxSourceConnector";
    static final String PREFIX = "cinnox.";
    static final String APP_ID = "app-acme";

    private final Map<String, String> props = new LinkedHashMap<>();
    private final String token = "harness-token-" + randomHex(16);
    private final String webhookSecret = "harness-secret-" + randomHex(16);
    private boolean secretsInFile;

    ConnectorSettings(String baseUrl, Instant historyStart, int tasks) {
        props.put("connector.class", CLASS);
        props.put("tasks.max", Integer.toString(tasks));
        props.put("cinnox.base.url", baseUrl);
        props.put("cinnox.app.id", APP_ID);
        props.put("cinnox.app.token", token);
        props.put("history.start", historyStart.toString());
        props.put("topic.prefix", PREFIX);
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "1");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("key.converter.schemas.enable", "false");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter.schemas.enable", "false");
    }

    ConnectorSettings with(String key, String value) {
        props.put(key, value);
        return this;
    }

    /** Turns on the enquiry event receiver on {@code port}, so the webhook secret is part of the config. */
    ConnectorSettings withWebhook(int port) {
        props.put("webhook.enabled", "true");
        props.put("webhook.port", Integer.toString(port));
        props.put("webhook.public.url", "http://127.0.0.1:" + port + "/cinnox/enquiry-events");
        props.put("webhook.secret", webhookSecret);
        return this;
    }

    /**
     * Writes the App Token (and the webhook secret, if the receiver is on) to {@code file} and names them in the
     * configuration as {@code ${file:<file>:<key>}}, as docs/configuration.md advises: the worker resolves them,
     * and its REST answers show the placeholder.
     */
    ConnectorSettings withSecretsFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "token=" + token + "\nwebhook=" + webhookSecret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put("cinnox.app.token", "${file:" + file + ":token}");
        if (props.containsKey("webhook.secret")) {
            props.put("webhook.secret", "${file:" + file + ":webhook}");
        }
        secretsInFile = true;
        return this;
    }

    /** Whether the configuration names its secrets through the file config provider. */
    boolean secretsInFile() {
        return secretsInFile;
    }

    String get(String key) {
        return props.get(key);
    }

    int tasks() {
        return Integer.parseInt(props.get("tasks.max"));
    }

    String token() {
        return token;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    Map<String, String> toMap() {
        return new LinkedHashMap<>(props);
    }

    /** The configuration with the secrets written in it, whatever {@link #withSecretsFile} did. */
    Map<String, String> withPlainSecrets() {
        Map<String, String> plain = toMap();
        plain.put("cinnox.app.token", token);
        if (plain.containsKey("webhook.secret")) {
            plain.put("webhook.secret", webhookSecret);
        }
        return plain;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
