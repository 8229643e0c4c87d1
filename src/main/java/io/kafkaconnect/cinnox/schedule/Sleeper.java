package io.kafkaconnect.cinnox.schedule;

import java.time.Duration;

/** How the task waits; injected so that tests never really sleep. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
