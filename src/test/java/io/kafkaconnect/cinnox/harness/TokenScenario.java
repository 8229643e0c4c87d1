package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.List;

/**
 * Scenario 3b of issue 11: the App Token revoked a third of the way through an exactly-once backfill. Every task
 * must turn FAILED within 10 s after at most 3 requests each, with a trace naming cinnox.app.token; with the
 * token restored and the failed tasks restarted, the backfill resumes and loses nothing.
 */
final class TokenScenario {

    static final String SETTING = "cinnox.app.token";
    /**
     * How long after the restore the harness waits before it restarts the FAILED tasks: a task that heard of the
     * refusal from another task checks the token with a request of its own, and one that checked just before the
     * restore fails too, its status a moment later; after the restore every check passes.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private TokenScenario() {
    }

    /**
     * Revokes the App Token at the simulator, checks that {@code mustFail} tasks FAILED within 10 s after at most
     * 3 requests each with a trace naming cinnox.app.token, then restores the token, restarts the failed tasks and
     * waits until they run again. {@code mustFail} is every task, but the one hosting the enquiry event receiver
     * when the receiver is on: it reads no report, so it learns of the refused token only at its next request
     * (renewing the subscription, {@code webhook.register.interval.ms}, or re-reading an hour for an event),
     * and fails then with the same message (SubscriptionKeeperTest), unless it hears of the refusal from the
     * other tasks first (their budget states, or its worker) and CINNOX refuses its own check of the token.
     */
    static void revokeAndRestore(RunContext ctx, ScenarioResult result, int mustFail) {
        SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
        long before = admin.requests().total();
        admin.token(false);
        long revoked = System.nanoTime();
        boolean failed = RunContext.await(Duration.ofSeconds(30), () -> ctx.status().count("FAILED") >= mustFail);
        double took = RunContext.seconds(revoked);
        long spent = admin.requests().total() - before;
        ConnectRest.Status status = ctx.status();
        List<ConnectRest.TaskState> failedTasks = status.tasks().stream().filter(t -> "FAILED".equals(t.state()))
                .toList();
        boolean named = !failedTasks.isEmpty() && failedTasks.stream().allMatch(t -> t.trace().contains(SETTING));
        result.figure("tasks FAILED after revocation", failed ? String.format("%d of %d after %.1f s",
                        failedTasks.size(), status.tasks().size(), took) : "not " + mustFail + " within 30 s: "
                        + status.tasks().stream().map(t -> t.id() + ":" + t.state()).toList())
                .figure("requests after revocation", spent + " (" + failedTasks.size() + " tasks FAILED)")
                .figure("FAILED trace names " + SETTING, named)
                .figure("first trace line", failedTasks.isEmpty() ? "-"
                        : Secrets.mask(failedTasks.get(0).trace().lines().findFirst().orElse(""), ctx.connector()));
        result.require(failed && took <= 10, "not " + mustFail + " tasks FAILED within 10 s of the revocation");
        result.require(spent <= 3L * mustFail, spent + " requests after the revocation for " + mustFail + " tasks");
        result.require(named, "a FAILED task's trace does not name " + SETTING);
        admin.token(true);
        Pause.millis(SETTLE.toMillis());
        ConnectRest.Status restarted = ctx.status();
        result.figure("tasks FAILED when restarted (" + SETTLE.toSeconds() + " s after the restore)",
                restarted.count("FAILED") + " of " + restarted.tasks().size());
        ctx.cluster().rest().restart(ConnectorSettings.NAME, true);
        long restart = System.nanoTime();
        boolean running = ctx.awaitAllRunning(Duration.ofSeconds(120));
        result.figure("RUNNING again after the restart", running
                ? String.format("%.1f s", RunContext.seconds(restart)) : "no (120 s)");
        result.require(running, "tasks not RUNNING after the token came back and a restart");
    }

    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("token");
        try (RunContext ctx = Backfill.start(o, "token", true, List.of("--admin"), result)) {
            long t0 = System.nanoTime();
            ctx.awaitDelivered(ctx.expected().total() / 3, Duration.ofMinutes(20));
            revokeAndRestore(ctx, result, ctx.connector().tasks());
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }
}
