package io.kafkaconnect.cinnox.poll;

import java.time.Instant;

/**
 * That CINNOX refused the App Token to one task of the connector, as the other tasks learn of it: which task and
 * when. A task that learns of it this way checks the token once with a request of its own, and remembers the
 * notices it checked by this pair.
 *
 * @param announcer the index of the refused task, -1 when it does not know its place
 * @param atMillis when CINNOX refused it (epoch milliseconds)
 */
public record RefusalNotice(int announcer, long atMillis) {

    @Override
    public String toString() {
        return (announcer < 0 ? "another task" : "task " + announcer) + " of this connector at "
                + Instant.ofEpochMilli(atMillis);
    }
}
