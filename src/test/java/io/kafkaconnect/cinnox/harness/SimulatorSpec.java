package io.kafkaconnect.cinnox.harness;

import io.kafkaconnect.cinnox.simulator.SimulatorSettings;
import io.kafkaconnect.cinnox.simulator.Volume;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run starts the simulator process, and the same settings for an in-process simulator that yields the
 * ground truth: the data depends only on the seed, the volume and the first day of history (the day the
 * process started minus the history days), so an in-process simulator with a fixed clock at the same
 * instant serves the same records. A live run must not cross midnight UTC between the two.
 *
 * @param fixedClock the simulator's frozen clock, or null for a live clock. A frozen clock also freezes the
 *                   simulator's minute windows of the rate limit, so fixed-clock runs set a rate limit the
 *                   connector cannot reach and leave the pace to the connector's requests.per.minute
 * @param extraArgs  further command-line flags (fault rates, latency, --admin)
 */
record SimulatorSpec(long seed, int perDay, int historyDays, Instant fixedClock, int rateLimit,
        List<String> extraArgs) {

    /** A rate limit no fixed-clock run reaches (its one minute window never ends). */
    static final int UNREACHABLE_LIMIT = 100_000_000;

    static SimulatorSpec fixed(long seed, int perDay, int historyDays, Instant at) {
        return new SimulatorSpec(seed, perDay, historyDays, at, UNREACHABLE_LIMIT, List.of());
    }

    static SimulatorSpec live(long seed, int perDay, int historyDays, int rateLimit) {
        return new SimulatorSpec(seed, perDay, historyDays, null, rateLimit, List.of());
    }

    SimulatorSpec with(String... args) {
        List<String> all = new ArrayList<>(extraArgs);
        all.addAll(List.of(args));
        return new SimulatorSpec(seed, perDay, historyDays, fixedClock, rateLimit, all);
    }

    /** The flags of the simulator process (the port is added by the cluster). */
    List<String> cliArgs() {
        List<String> args = new ArrayList<>(List.of("--seed", Long.toString(seed), "--per-day",
                Integer.toString(perDay), "--history-days", Integer.toString(historyDays), "--rate-limit",
                Integer.toString(rateLimit)));
        if (fixedClock != null) {
            args.addAll(List.of("--fixed-clock", fixedClock.toString()));
        } else {
            args.add("--live");
        }
        args.addAll(extraArgs);
        return args;
    }

    /** In-process settings on an ephemeral port with the clock frozen at {@code at}, for the ground truth. */
    SimulatorSettings truthSettings(Instant at) {
        return SimulatorSettings.builder().seed(seed).historyDays(historyDays).volume(Volume.perDay(perDay))
                .fixedClock(at).rateLimitPerMinute(UNREACHABLE_LIMIT).port(0).build();
    }
}
