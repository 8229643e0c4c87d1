package io.kafkaconnect.cinnox.webhook;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;

/**
 * The typed settings of the enquiry event receiver, parsed once from the connector configuration.
 *
 * @param publicUrl the URL CINNOX calls, without the secret; null when the receiver is off
 * @param secret the path segment that authenticates CINNOX's requests; null when the receiver is off
 * @param keystore the TLS keystore, or null to serve plain HTTP
 */
public record WebhookSettings(boolean enabled, boolean deregister, String bindAddress, int port, String path,
        URI publicUrl, Password secret, String topic, int bufferMaxEvents, Duration ackTimeout, int maxBodyBytes,
        Duration registerInterval, Path keystore, Password keystorePassword, String keystoreType) {

    public WebhookSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(topic, "topic");
    }

    /** True when a task should host the receiver: the mode is on and removal was not asked for. */
    public boolean receiving() {
        return enabled && !deregister;
    }

    /** The URL registered with CINNOX: the public URL with the secret as its last path segment. */
    public String registeredUrl() {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + "/" + secret.value();
    }

    /** The same URL with the secret masked, for logs. */
    public String registeredUrlForLogs() {
        return publicUrl.toString().replaceAll("/+$", "") + "/" + Password.HIDDEN;
    }

    public boolean tls() {
        return keystore != null;
    }
}
