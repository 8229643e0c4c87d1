package io.kafkaconnect.cinnox.inflight;

import java.time.Duration;

/** Where a request gets its permit from: the account's rate budget in a task, anything in a test. */
@FunctionalInterface
public interface RequestPermits {

    /** Takes one permit, waiting at most {@code maxWait}; false when none came in time. */
    boolean tryAcquire(Duration maxWait);
}
