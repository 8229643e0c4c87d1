package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The CI variant of the suite ({@code bin/reliability --ci}, run by .ci/run): one cluster of a broker, two
 * worker processes and the simulator for every check, so that JVMs start once. An exactly-once backfill of every
 * report with the enquiry event receiver on; during it the bad configurations through validate, a kill -9 of a
 * worker running tasks, a burst of faults while the killed worker starts again, the App Token revoked and
 * restored, and a second kill -9; then the ground truth (0 lost, 0 duplicated) and the secrets search (logs, REST,
 * JMX). Every wait is bounded; the disruptions follow the records delivered, not the clock.
 */
final class CiScenario {

    /** The CI sizes; any of them can be overridden on the command line. */
    static final List<String> DEFAULTS = List.of("--workers", "2", "--tasks", "2", "--history-hours", "16",
            "--per-day", "100", "--rpm", "150", "--page-size", "50", "--burst-seconds", "15",
            "--burst-requests", "20");

    private CiScenario() {
    }

    static ScenarioResult run(SuiteOptions given) {
        SuiteOptions o = SuiteOptions.parse(Stream.concat(DEFAULTS.stream(),
                Stream.of(given.commandLine().trim().split("\\s+")).filter(a -> !a.isEmpty())).toArray(String[]::new));
        ScenarioResult result = new ScenarioResult("ci");
        long start = System.nanoTime();
        int hookPort = o.integer("ports-base", 28000, 28000) + 90;
        try (RunContext ctx = Backfill.startWith(o, "ci", true, List.of(), result,
                c -> c.withWebhook(hookPort).with("poll.interval.ms", "5000"))) {
            long t0 = System.nanoTime();
            ValidateScenario.check(ctx, result);
            Random random = new Random(o.seed());
            List<Double> recoveries = new ArrayList<>();
            List<String> kills = new ArrayList<>();
            int victim = kill(ctx, 1, 0.15, random, recoveries, kills);
            faultBurstWhileRestarting(ctx, result, o, victim);
            awaitSteady(ctx);
            TokenScenario.revokeAndRestore(ctx, result, ctx.connector().tasks() - 1);
            kill(ctx, 2, 0.45, random, recoveries, kills);
            result.figure("kill -9 of a worker running tasks", kills)
                    .figure("time to recover (s)", KillScenario.summary(recoveries));
            result.require(recoveries.size() == 2, "not every kill was followed by every task RUNNING on a live "
                    + "worker within " + KillScenario.RECOVERY_TIMEOUT.toSeconds() + " s");
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(5));
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
            result.require(ctx.awaitAllRunning(Duration.ofSeconds(60)), "not every task RUNNING at the end: "
                    + ctx.status().tasks());
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        result.figure("scenario took (start-up to clean-up)", String.format("%.0f s", RunContext.seconds(start)));
        return result;
    }

    /**
     * Once {@code fraction} of the records arrived, kill -9 of a random worker running tasks; waits until every
     * task runs on a live worker. The kill must land during the backfill. Returns the victim.
     */
    private static int kill(RunContext ctx, int i, double fraction, Random random, List<Double> recoveries,
            List<String> kills) {
        int total = ctx.expected().total();
        ctx.awaitDelivered((int) (total * fraction), Duration.ofMinutes(3));
        List<Integer> busy = KillScenario.busyWorkers(ctx);
        int victim = busy.get(random.nextInt(busy.size()));
        int at = ctx.delivered();
        double took = KillScenario.killAndRecover(ctx, victim, i);
        if (took >= 0) {
            recoveries.add(took);
        }
        kills.add("worker-" + victim + " at " + at + "/" + total);
        if (at >= total) {
            throw new IllegalStateException("kill " + i + " came after the backfill: slow the backfill down "
                    + "(--rpm, --per-day) so that the disruptions land during it");
        }
        return victim;
    }

    /**
     * Waits (at most 2 minutes) until every task runs and the simulator answered 3 more requests, so that the
     * revocation finds tasks reading rather than being moved by the rebalance of the restarted worker.
     */
    private static void awaitSteady(RunContext ctx) {
        SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
        ctx.awaitAllRunning(Duration.ofMinutes(1));
        long before = admin.requests().total();
        RunContext.await(Duration.ofMinutes(1), () -> admin.requests().total() - before >= 3);
    }

    /**
     * Turns on 10% 5xx, 5% malformed or truncated bodies and 5% dropped connections and starts the killed worker
     * again meanwhile; keeps the faults on for at least {@code --burst-seconds} and until {@code --burst-requests}
     * requests were answered in the burst (at most 2 minutes), then off. No task may have FAILED (a FAILED task
     * stays FAILED until restarted, so one look afterwards sees any).
     */
    private static void faultBurstWhileRestarting(RunContext ctx, ScenarioResult result, SuiteOptions o, int victim) {
        int seconds = o.integer("burst-seconds", 15, 15);
        int requests = o.integer("burst-requests", 20, 20);
        SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
        long before = admin.requests().total();
        int delivered = ctx.delivered();
        long on = System.nanoTime();
        admin.faults("error-rate=0.1&malformed-rate=0.05&reset-rate=0.05");
        RunContext.log("fault burst on; starting worker-%d again", victim);
        ctx.cluster().startWorker(victim);
        RunContext.await(Duration.ofMinutes(2), () -> {
            ctx.progress();
            return RunContext.seconds(on) >= seconds && admin.requests().total() - before >= requests;
        });
        admin.faults("error-rate=0&malformed-rate=0&reset-rate=0");
        long answered = admin.requests().total() - before;
        long failed = ctx.status().count("FAILED");
        result.figure("fault burst (10% 5xx, 5% malformed, 5% resets)", String.format(
                "%.0f s, %d requests, %d records delivered meanwhile, worker-%d started again in it",
                RunContext.seconds(on), answered, ctx.delivered() - delivered, victim));
        result.require(answered >= requests, "only " + answered + " requests in the fault burst");
        result.require(failed == 0, failed + " tasks FAILED in the fault burst");
    }
}
