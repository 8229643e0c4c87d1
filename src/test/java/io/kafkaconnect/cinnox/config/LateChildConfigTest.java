package io.kafkaconnect.cinnox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.ledger.LateChildPolicy;
import io.kafkaconnect.cinnox.ledger.RetrySchedule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LateChildConfigTest {

    private static CinnoxSourceConfig config(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(CinnoxSourceConfig.BASE_URL_CONFIG, "https://example.cinnox.com");
        props.put(CinnoxSourceConfig.APP_ID_CONFIG, "app-acme");
        props.put(CinnoxSourceConfig.APP_TOKEN_CONFIG, "tok-secret");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new CinnoxSourceConfig(props);
    }

    @Test
    void theDefaultsAreTheDefaultPolicy() {
        assertEquals(LateChildPolicy.DEFAULT, config().lateChildPolicy());
    }

    @Test
    void eachSettingReachesThePolicy() {
        LateChildPolicy policy = config(LateChildConfig.RECORDING_WAIT_MAX_CONFIG, "600000",
                LateChildConfig.RECORDING_BACKOFF_CONFIG, "5000", LateChildConfig.RECORDING_BACKOFF_MAX_CONFIG, "60000",
                LateChildConfig.CHAT_RETRIES_CONFIG, "5", LateChildConfig.CHAT_BACKOFF_CONFIG, "2000",
                LateChildConfig.CHAT_PAGE_DIVISOR_CONFIG, "4").lateChildPolicy();
        assertEquals(new LateChildPolicy(Duration.ofMinutes(10),
                new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(1)), 5,
                new RetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(10)), 4), policy);
    }

    @Test
    void aLongestBackoffBelowTheFirstIsTakenAsTheFirst() {
        LateChildPolicy policy = config(LateChildConfig.RECORDING_BACKOFF_CONFIG, "120000",
                LateChildConfig.RECORDING_BACKOFF_MAX_CONFIG, "60000").lateChildPolicy();
        assertEquals(new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(2)), policy.recordingRetries());
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheSetting() {
        for (String[] bad : new String[][] {{LateChildConfig.CHAT_PAGE_DIVISOR_CONFIG, "1"},
                {LateChildConfig.CHAT_RETRIES_CONFIG, "9"}, {LateChildConfig.RECORDING_WAIT_MAX_CONFIG, "-1"},
                {LateChildConfig.RECORDING_BACKOFF_CONFIG, "0"}, {LateChildConfig.CHAT_BACKOFF_CONFIG, "7200000"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> config(bad));
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
    }
}
