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
        return spread(rng, dayStart, count, 1);
    }

    /** As {@link #spread(Rng, Instant, int)}, then each consecutive group of {@code tieGroup} takes its first time. */
    static List<Instant> spread(Rng rng, Instant dayStart, int count, int tieGroup) {
        List<Long> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            offsets.add(rng.between(0L, DAY_MILLIS - 1));
        }
        Collections.sort(offsets);
        List<Instant> out = new ArrayList<>(count);
        for (int i = 0; i < offsets.size(); i++) {
            out.add(dayStart.plusMillis(offsets.get(i - i % tieGroup)));
        }
        return out;
    }
}
