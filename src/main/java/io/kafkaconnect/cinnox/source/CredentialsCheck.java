package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.CinnoxClient;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RateLimitedException;
import io.kafkaconnect.cinnox.client.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The one cheap request {@code validate()} sends: one enquiry of the last minute. It turns an invalid
 * token, an unknown App or an unreachable Base URL into a message on the setting to fix.
 */
final class CredentialsCheck {

    private final Clock clock;

    CredentialsCheck(Clock clock) {
        this.clock = clock;
    }

    void check(CinnoxSourceConfig config, Config result) {
        Instant now = clock.instant();
        try {
            new CinnoxClient(config.clientSettings(clock))
                    .enquiryDetails(TimeWindow.of(now.minus(Duration.ofMinutes(1)), now), PageRequest.first(1));
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

    private static void add(Config result, String name, String message) {
        for (ConfigValue value : result.configValues()) {
            if (value.name().equals(name)) {
                value.addErrorMessage(message);
            }
        }
    }
}
