package io.kafkaconnect.cinnox.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeWindowTest {

    private static final Instant START = Instant.parse("2023-11-07T00:00:00Z");

    @Test
    void rendersQueryValues() {
        TimeWindow window = TimeWindow.of(START, START.plusSeconds(3600).plusNanos(1_500_000));
        assertEquals("2023-11-07T00:00:00.000Z", window.startParam());
        assertEquals("2023-11-07T01:00:00.001Z", window.endParam());
    }

    @Test
    void rejectsEndBeforeStart() {
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.of(START, START.minusMillis(1)));
    }

    @Test
    void countsDaysRoundedUp() {
        assertEquals(0, TimeWindow.of(START, START).days());
        assertEquals(1, TimeWindow.of(START, START.plus(Duration.ofDays(1))).days());
        assertEquals(2, TimeWindow.of(START, START.plus(Duration.ofDays(1)).plusMillis(1)).days());
        assertEquals(90, TimeWindow.of(START, START.plus(Duration.ofDays(90))).days());
    }

    @Test
    void splitsIntoAdjacentHalves() {
        TimeWindow window = TimeWindow.of(START, START.plus(Duration.ofDays(100)));
        List<TimeWindow> halves = split(window);
        assertEquals(List.of(TimeWindow.of(START, START.plus(Duration.ofDays(50))),
                TimeWindow.of(START.plus(Duration.ofDays(50)), START.plus(Duration.ofDays(100)))), halves);
        assertEquals(List.of(TimeWindow.of(START, START.plusMillis(1))), split(TimeWindow.of(START, START.plusMillis(1))));
    }

    @Test
    void pageRequestsStayInBounds() {
        assertEquals(PageRequest.of(0, 500), PageRequest.first(500));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(501));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(0));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.of(-1, 10));
    }

    @Test
    void tokenAndSettingsNeverPrintTheSecret() {
        AppToken token = new AppToken(MockApi.TOKEN);
        assertEquals("[hidden]", token.toString());
        ClientSettings settings = ClientSettings.builder().baseUrl("https://x.example/").appId("a").appToken(token).build();
        assertEquals(false, settings.toString().contains(MockApi.TOKEN));
        assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.builder().baseUrl("ftp://x").appId("a").appToken(token).build());
        assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.builder().baseUrl("https://x").appId(" ").appToken(token).build());
    }

    /**
     * Two halves at the midpoint (millisecond precision); a window shorter than 2 ms cannot be split and is
     * returned alone. Only tests split windows; the connector halves its cursor's window instead.
     */
    static List<TimeWindow> split(TimeWindow window) {
        long millis = window.duration().toMillis();
        if (millis < 2) {
            return List.of(window);
        }
        Instant middle = window.start().plusMillis(millis / 2);
        return List.of(TimeWindow.of(window.start(), middle), TimeWindow.of(middle, window.end()));
    }
}
