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

    private TokenScenario() {
    }

    /**
     * Revokes the App Token at the simulator, checks that every task FAILED within 10 s after at most 3 requests
     * each with a trace naming cinnox.app.token, then restores the token, restarts the failed tasks and waits
     * until they run again.
     */
    static void revokeAndRestore(RunContext ctx, ScenarioResult result) {
        SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
        long before = admin.requests().total();
        admin.token(false);
        long revoked = System.nanoTime();
        int tasks = ctx.connector().tasks();
        boolean failed = RunContext.await(Duration.ofSeconds(60), () -> ctx.status().count("FAILED") == tasks);
        double took = RunContext.seconds(revoked);
        long spent = admin.requests().total() - before;
        ConnectRest.Status status = ctx.status();
        boolean named = !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> t.trace().contains(SETTING));
        result.figure("every task FAILED after revocation", failed ? String.format("%.1f s", took) : "no (60 s)")
                .figure("requests after revocation", spent + " (" + tasks + " tasks)")
                .figure("FAILED trace names " + SETTING, named)
                .figure("first trace line", status.tasks().isEmpty() ? "-"
                        : Secrets.mask(status.tasks().get(0).trace().lines().findFirst().orElse(""),
                                ctx.connector()));
        result.require(failed && took <= 10, "tasks not all FAILED within 10 s of the revocation");
        result.require(spent <= 3L * tasks, spent + " requests after the revocation for " + tasks + " tasks");
        result.require(named, "a FAILED task's trace does not name " + SETTING);
        admin.token(true);
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
            revokeAndRestore(ctx, result);
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }
}
