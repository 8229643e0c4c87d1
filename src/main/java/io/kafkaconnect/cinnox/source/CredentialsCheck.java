package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RateLimitedException;
import io.kafkaconnect.cinnox.client.RetriableApiException;
import io.kafkaconnect.cinnox.client.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The one cheap request {@code validate()} sends: one enquiry of the last minute. It turns an invalid
 * token, an unknown App or an unreachable Base URL into a message on the setting to fix. A transient
 * failure that came back quickly (a pooled connection the server had closed) is asked once more, so a valid
 * configuration is not refused for it.
 */
final class CredentialsCheck {

    /** A failure quicker than this is asked once more; a slow one (a timeout) is not, to keep validate() short. */
    static final Duration QUICK_FAILURE = Duration.ofSeconds(5);

    private final Clock clock;

    CredentialsCheck(Clock clock) {
        this.clock = clock;
    }

    void check(CinnoxSourceConfig config, Config result) {
        try {
            askWithOneRetry(config);
        } catch (RateLimitedException e) {
            // The credentials were accepted far enough to be counted against the account's budget.
        } catch (FatalApiException e) {
            switch (e.reason()) {
                case INVALID_TOKEN -> add(result, CinnoxSourceConfig.APP_TOKEN_CONFIG,
                        "CINNOX rejected this App Token (code 6452000 Invalid token). Copy the App Token shown "
                                + "with the App in the CINNOX dashboard (Administration > Service Integration > API).");
                case INVALID_APP -> add(result, CinnoxSourceConfig.APP_ID_CONFIG,
                        "CINNOX does not know this App ID (code 6452001 Invalid appID). Copy the App ID shown "
                                + "with the App in the CINNOX dashboard.");
                default -> add(result, CinnoxSourceConfig.BASE_URL_CONFIG,
                        "CINNOX answered the credentials check with an error; is this the App's Base URL? "
                                + e.getMessage());
            }
        } catch (CinnoxApiException e) {
            add(result, CinnoxSourceConfig.BASE_URL_CONFIG,
                    "Could not check the credentials against " + config.baseUrl() + ": " + e.getMessage());
        }
    }

    private void askWithOneRetry(CinnoxSourceConfig config) {
        CinnoxClient client = new CinnoxClient(config.clientSettings(clock));
        long started = System.nanoTime();
        try {
            ask(client);
        } catch (RetriableApiException e) {
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(QUICK_FAILURE) > 0) {
                throw e;
            }
            ask(client);
        }
    }

    private void ask(CinnoxClient client) {
        Instant now = clock.instant();
        client.enquiryDetails(TimeWindow.of(now.minus(Duration.ofMinutes(1)), now), PageRequest.first(1));
    }

    private static void add(Config result, String name, String message) {
        for (ConfigValue value : result.configValues()) {
            if (value.name().equals(name)) {
                value.addErrorMessage(message);
            }
        }
    }
}
