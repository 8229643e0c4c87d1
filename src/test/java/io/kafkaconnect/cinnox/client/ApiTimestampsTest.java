package io.kafkaconnect.cinnox.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiTimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2023-11-07T00:00:00.000Z, 2023-11-07T00:00:00Z",
            "2023-11-07T00:00:00Z, 2023-11-07T00:00:00Z",
            "2023-11-07T01:15:42.3Z, 2023-11-07T01:15:42.300Z",
            "2023-11-07T01:15:42.318Z, 2023-11-07T01:15:42.318Z",
            "2023-11-07T01:15:42.123456789Z, 2023-11-07T01:15:42.123456789Z",
            "2023-11-07T08:00:00.000+08:00, 2023-11-07T00:00:00Z",
            "2023-11-06T20:00:00-04:00, 2023-11-07T00:00:00Z",
            "2023-11-07T08:00:00+0800, 2023-11-07T00:00:00Z",
            "2023-11-07t00:00:00z, 2023-11-07T00:00:00Z",
            "2023-11-07 00:00:00.5Z, 2023-11-07T00:00:00.500Z",
            "2023-11-07T00:00Z, 2023-11-07T00:00:00Z",
            "' 2023-11-07T00:00:00Z ', 2023-11-07T00:00:00Z",
    })
    void parsesRfc3339Variants(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), ApiTimestamps.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "20231107", "2023/11/07", "2023-11-07", "2023-11-07T00:00:00",
            "2023-13-07T00:00:00Z", "2023-11-07T25:00:00Z", "2023-11-07T00:00:00.1234567890Z",
            "2023-11-07T00:00:00+25:00", "1699319742500",
            "2023-11-07T00:00:00.000Z2023-11-07T00:00:00.000Z2023-11-07T00:00:00.000Z"})
    void returnsEmptyOnGarbage(String text) {
        assertEquals(Optional.empty(), ApiTimestamps.parse(text));
    }

    @Test
    void formatsUtcWithMilliseconds() {
        assertEquals("2023-11-07T00:00:00.000Z", ApiTimestamps.format(Instant.parse("2023-11-07T00:00:00Z")));
        assertEquals("2023-11-07T01:02:03.456Z", ApiTimestamps.format(Instant.parse("2023-11-07T01:02:03.456789Z")));
    }
}
