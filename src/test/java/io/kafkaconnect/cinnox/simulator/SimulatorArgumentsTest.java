package io.kafkaconnect.cinnox.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
    void adminAndStartUpFaults() {
        SimulatorSettings s = SimulatorArguments.parse("--admin", "--latency-ms", "250", "--error-rate", "0.1",
                "--malformed-rate", "0.02", "--reset-rate", "0.01").settings();
        assertTrue(s.admin());
        assertEquals(new FaultRates(250, 0.1, 0.02, 0.01), s.faults());
        SimulatorSettings plain = SimulatorArguments.parse().settings();
        assertEquals(false, plain.admin());
        assertEquals(FaultRates.NONE, plain.faults());
        for (String flag : new String[] {"--admin", "--latency-ms", "--error-rate", "--malformed-rate", "--reset-rate"}) {
            assertTrue(SimulatorArguments.USAGE.contains(flag), flag + " in --help");
        }
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--error-rate", "1.5"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--reset-rate", "x"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--latency-ms", "-1"));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorArguments.parse("--error-rate", "0.7", "--reset-rate", "0.7"));
    }

    @Test
    void dataSwitchesAndBehaviour() {
        SimulatorArguments parsed = SimulatorArguments.parse("--long-call-share", "0.05", "--long-call-minutes", "150",
                "--recording-delay-s", "600", "--late-close-share", "0.2", "--late-close-hours", "96", "--tie-group", "3",
                "--behaviour", "late-insert=call-detail:2&limit-cap=50&shuffle-ties=on");
        assertEquals(new DataSwitches(0.05, Duration.ofMinutes(150), Duration.ofMinutes(10), 0.2, Duration.ofDays(4), 3),
                parsed.settings().data());
        assertEquals(Map.of("late-insert", "call-detail:2", "limit-cap", "50", "shuffle-ties", "on"), parsed.behaviour());
        Traps b = new Traps();
        BehaviourParameters.apply(new Behaviour(), b, parsed.behaviour());
        assertEquals(2, b.lateInsert("call-detail"));
        assertEquals(50, b.limitCap());
        assertTrue(b.shuffleTies());
        BehaviourParameters.apply(new Behaviour(), b, Map.of("limit-cap", "sms-detail:20"));
        assertEquals(20, b.limitCap("sms-detail"), "the lower of its own cap and the cap of every endpoint");
        assertEquals(50, b.limitCap("call-log"));
        assertEquals(DataSwitches.NONE, SimulatorArguments.parse().settings().data());
        assertTrue(SimulatorArguments.parse().behaviour().isEmpty());
        for (String flag : new String[] {"--long-call-share", "--recording-delay-s", "--late-close-share", "--tie-group",
                "--behaviour", "late-insert=ENDPOINT:N"}) {
            assertTrue(SimulatorArguments.USAGE.contains(flag), flag + " in --help");
        }
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--tie-group", "0"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--long-call-share", "2"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--behaviour", "late-insert=x:1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--behaviour", "bogus=1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--behaviour", "limit-cap=x:1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorArguments.parse("--behaviour", "envelope=call-log:xml"));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorArguments.parse("--behaviour", "items-envelope=call-log:yes"));
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
