package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scenarios 1 and 2 of issue 11: {@code kill -9} of a random worker that runs tasks, again and again during a
 * backfill of every report (kill i once i/(kills+2) of the expected records arrived, plus 2-6 s), each time
 * waiting until every task runs on a live worker again (the time to recover) and then starting the killed
 * worker anew; exactly-once (workers with exactly.once.source.support=enabled, the connector with
 * exactly.once.support=required, read_committed) or at-least-once.
 */
final class KillScenario {

    static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(180);

    private KillScenario() {
    }

    static ScenarioResult run(SuiteOptions o, boolean exactlyOnce) {
        String name = exactlyOnce ? "kill-eos" : "kill-alo";
        ScenarioResult result = new ScenarioResult(name);
        int kills = o.integer("kills", 10, 2);
        Random random = new Random(o.seed());
        try (RunContext ctx = Backfill.start(o, name, exactlyOnce, List.of(), result)) {
            long t0 = System.nanoTime();
            List<Double> recoveries = new ArrayList<>();
            int landed = 0;
            for (int i = 1; i <= kills; i++) {
                ctx.awaitDelivered(ctx.expected().total() * i / (kills + 2), Duration.ofMinutes(10));
                Pause.millis(2000 + random.nextInt(4000));
                if (ctx.complete()) {
                    RunContext.log("backfill complete before kill %d: no more kills", i);
                    break;
                }
                List<Integer> busy = busyWorkers(ctx);
                int victim = busy.get(random.nextInt(busy.size()));
                double recovered = killAndRecover(ctx, victim, i);
                landed++;
                if (recovered < 0) {
                    result.problem("kill " + i + ": tasks not all RUNNING on live workers within "
                            + RECOVERY_TIMEOUT.toSeconds() + " s");
                } else {
                    recoveries.add(recovered);
                }
                ctx.cluster().startWorker(victim);
                RunContext.log("kill %d: worker-%d started again", i, victim);
            }
            result.figure("kill -9 during the backfill", landed + " of " + kills);
            result.figure("time to recover (s)", summary(recoveries));
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            result.require(check.lost() == 0, check.lost() + " records lost");
            if (exactlyOnce) {
                result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
            }
            result.require(ctx.awaitAllRunning(Duration.ofSeconds(60)), "not every task RUNNING at the end: "
                    + ctx.status().tasks());
            result.require(landed == kills, "only " + landed + " of " + kills + " kills landed during the backfill");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }

    /** Live workers running at least one task (a worker without tasks would recover at once); all if none. */
    static List<Integer> busyWorkers(RunContext ctx) {
        List<Integer> alive = ctx.cluster().aliveWorkers();
        List<String> hosts = ctx.status().tasks().stream().map(ConnectRest.TaskState::workerId).toList();
        List<Integer> busy = alive.stream().filter(n -> hosts.contains(ctx.layout().workerId(n))).toList();
        return busy.isEmpty() ? alive : busy;
    }

    /** Seconds from the kill until every task runs on a live worker again; -1 if that did not happen in time. */
    static double killAndRecover(RunContext ctx, int victim, int i) {
        String deadId = ctx.layout().workerId(victim);
        int before = ctx.delivered();
        long t0 = System.nanoTime();
        ctx.cluster().kill9("worker-" + victim);
        RunContext.log("kill %d: kill -9 worker-%d at %d/%d delivered", i, victim, before, ctx.expected().total());
        int tasks = ctx.connector().tasks();
        boolean ok = RunContext.await(RECOVERY_TIMEOUT, () -> {
            ConnectRest.Status s = ctx.status();
            return s.allRunning(tasks) && s.tasks().stream().noneMatch(t -> deadId.equals(t.workerId()));
        });
        double took = RunContext.seconds(t0);
        RunContext.log("kill %d: %s after %.1f s", i, ok ? "every task RUNNING on live workers" : "NOT recovered",
                took);
        return ok ? took : -1;
    }

    static String summary(List<Double> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("min %.1f, median %.1f, max %.1f (n=%d)", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
