package io.kafkaconnect.cinnox.simulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorArgumentsTest {

    @Test
    void parsesAllFlags() {
        SimulatorSettings s = SimulatorArguments.parse("--port", "18080", "--seed", "42", "--history-days", "30",
                "--per-day", "500", "--live", "--rate-limit", "450", "--app-id", "app-x", "--token", "tok",
                "--service-account", "x-hk.cinnox.com", "--threads", "3").settings();
        assertEquals(18080, s.port());
        assertEquals(42, s.seed());
        assertEquals(30, s.historyDays());
        assertEquals(Volume.perDay(500), s.volume());
        assertNull(s.fixedClock());
        assertEquals(450, s.rateLimitPerMinute());
        assertEquals(new SimAccount("x-hk.cinnox.com", "app-x", "tok"), s.account());
        assertEquals(3, s.threads());
    }

    @Test
    void defaultsAndFixedClock() {
        SimulatorSettings defaults = SimulatorArguments.parse().settings();
        assertEquals(18080, defaults.port());
        assertEquals(SimulatorSettings.DEFAULT_ACCOUNT, defaults.account());
        assertEquals(500, defaults.rateLimitPerMinute());
        SimulatorSettings fixed = SimulatorArguments.parse("--fixed-clock", "2026-01-10T08:00:00+08:00").settings();
        assertEquals(Instant.parse("2026-01-10T00:00:00Z"), fixed.fixedClock());
    }

    @Test
    void helpAndErrors() {
        assertTrue(SimulatorArguments.parse("--help").help());
        assertTrue(SimulatorArguments.USAGE.contains("--per-day"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--port", "abc"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--bogus"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--rate-limit", "0"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--fixed-clock", "tomorrow"));
    }
}
