package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Random, sorted instants within one UTC day, with millisecond precision as the API emits them. */
final class DayTimes {

    private static final long DAY_MILLIS = 86_400_000L;

    private DayTimes() {
    }

    static List<Instant> spread(Rng rng, Instant dayStart, int count) {
        List<Long> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            offsets.add(rng.between(0L, DAY_MILLIS - 1));
        }
        Collections.sort(offsets);
        List<Instant> out = new ArrayList<>(count);
        for (long offset : offsets) {
            out.add(dayStart.plusMillis(offset));
        }
        return out;
    }
}
