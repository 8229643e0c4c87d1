package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.schedule.Sleeper;
import io.kafkaconnect.cinnox.simulator.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's clock as the task's clock, and a sleeper that moves it instead of sleeping. */
final class SimulatedTime extends Clock implements Sleeper {

    private final SimClock clock;
    private Duration slept = Duration.ZERO;

    SimulatedTime(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        clock.advance(duration);
        slept = slept.plus(duration);
    }

    Duration slept() {
        return slept;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
