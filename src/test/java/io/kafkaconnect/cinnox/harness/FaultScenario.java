package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.List;

/**
 * Scenario 3 of issue 11, faults: an exactly-once backfill while the simulator answers 10% of requests with
 * 6451001/HTTP 502 or an HTML 500, 2% with malformed or truncated bodies and drops 2% of connections, with a
 * rate-limit storm (every request answered 6451010) of {@code --storm-seconds} a third of the way through:
 * nothing lost, no task FAILED. The simulator's clock is frozen, so its own minute windows never fill: every
 * 6451010 here comes from the storm (pace-caused ones are measured by the benchmark on a live clock).
 */
final class FaultScenario {

    private FaultScenario() {
    }

    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("faults");
        String errors = o.text("error-rate", "0.1");
        String malformed = o.text("malformed-rate", "0.02");
        String resets = o.text("reset-rate", "0.02");
        int storm = o.integer("storm-seconds", 30, 20);
        List<String> simArgs = List.of("--admin", "--error-rate", errors, "--malformed-rate", malformed,
                "--reset-rate", resets);
        try (RunContext ctx = Backfill.start(o, "faults", true, simArgs, result)) {
            result.figure("faults", "error-rate " + errors + ", malformed-rate " + malformed + ", reset-rate "
                    + resets + ", a " + storm + " s rate-limit storm at a third");
            SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
            long t0 = System.nanoTime();
            ctx.awaitDelivered(ctx.expected().total() / 3, Duration.ofMinutes(20));
            long before = admin.requests().rateLimited();
            admin.faults("rate-limit-storm=on");
            RunContext.log("rate-limit storm on for %d s", storm);
            RunContext.await(Duration.ofSeconds(storm), () -> {
                ctx.progress();
                return false;
            });
            admin.faults("rate-limit-storm=off");
            long during = admin.requests().rateLimited() - before;
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            SimAdmin.Requests end = admin.requests();
            result.figure("6451010 answers", end.rateLimited() + " (" + during + " during the storm)")
                    .figure("most tasks FAILED at once", ctx.mostFailed());
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
            result.require(ctx.mostFailed() == 0, ctx.mostFailed() + " tasks FAILED during the faults");
            result.require(end.rateLimited() == during, (end.rateLimited() - during) + " 6451010 outside the storm");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }
}
