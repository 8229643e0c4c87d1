package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The backfill most scenarios disrupt: a simulator frozen an hour ago holding {@code --per-day} records a day,
 * the connector reading the last {@code --history-hours} before that with every report, {@code --rpm}
 * requests a minute over {@code --tasks} tasks on {@code --workers} workers, and the expected records of that
 * span. Small pages ({@code --page-size}, default 50) make the windowed reports cost several requests too.
 */
final class Backfill {

    private Backfill() {
    }

    /** Starts the cluster, computes the expected records and deploys the connector. */
    static RunContext start(SuiteOptions o, String run, boolean exactlyOnce, List<String> simArgs,
            ScenarioResult result) {
        return startWith(o, run, exactlyOnce, simArgs, result, c -> c);
    }

    /** As {@link #start}, with {@code tune} changing the connector settings before the deployment. */
    static RunContext startWith(SuiteOptions o, String run, boolean exactlyOnce, List<String> simArgs,
            ScenarioResult result, UnaryOperator<ConnectorSettings> tune) {
        // --short: one worker unless workers are what the scenario is about (the kill scenarios ask for two)
        int workers = o.integer("workers", 3, run.startsWith("kill") ? 2 : 1);
        int tasks = o.integer("tasks", 3, 2);
        int hours = o.integer("history-hours", 120, 36);
        Instant at = SuiteOptions.fixedClock();
        Instant from = at.minus(Duration.ofHours(hours));
        List<String> args = new ArrayList<>(simArgs);
        if (!args.contains("--admin")) {
            args.add("--admin");
        }
        SimulatorSpec spec = SimulatorSpec.fixed(o.seed(), o.integer("per-day", 300, 100), hours / 24 + 2, at)
                .with(args.toArray(String[]::new));
        ClusterLayout layout = o.layout(run, workers, exactlyOnce);
        ConnectorSettings connector = new ConnectorSettings(layout.simulatorUrl(), from, tasks)
                .with("requests.per.minute", Integer.toString(o.integer("rpm", 200, 200)))
                .with("page.size", Integer.toString(o.integer("page-size", 50, 50)));
        if (exactlyOnce) {
            connector.with("exactly.once.support", "required");
        }
        tune.apply(connector);
        if (!o.flag("plain-secrets")) {
            connector.withSecretsFile(layout.dir().resolve("secrets").resolve("cinnox.properties"));
        }
        RunContext ctx = new RunContext(layout, spec, connector, exactlyOnce);
        try {
            ctx.start();
            ctx.expect(at, from, at);
            Duration deploy = ctx.deploy();
            result.figure("workers x tasks", workers + " x " + tasks)
                    .figure("delivery", exactlyOnce ? "exactly-once (read_committed)" : "at-least-once")
                    .figure("history", hours + " h at " + spec.perDay() + "/day, requests.per.minute "
                            + connector.get("requests.per.minute") + ", page.size " + connector.get("page.size"))
                    .figure("expected records", ctx.expected().total())
                    .figure("connector RUNNING after", String.format("%.1f s", deploy.toMillis() / 1000.0));
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** Waits for the rest of the backfill, compares with the truth, checks the tasks and the secrets. */
    static DeliveryCheck.Result finish(RunContext ctx, ScenarioResult result, long startNanos, Duration timeout) {
        boolean done = ctx.awaitDelivered(ctx.expected().total(), timeout);
        result.require(done, "not every expected record arrived within " + timeout.toMinutes() + " min");
        result.figure("backfill took", String.format("%.0f s", RunContext.seconds(startNanos)));
        result.figure("requests spent", new SimAdmin(ctx.layout().simulatorUrl()).requests().total());
        DeliveryCheck.Result check = ctx.check(Duration.ofSeconds(15));
        result.figure("records lost", check.lost()).figure("records duplicated", check.duplicated())
                .figure("records stale", check.stale());
        if (check.lost() + check.duplicated() + check.stale() > 0) {
            RunContext.log("delivery: %s", check.describe());
        }
        ConnectRest.Status status = ctx.status();
        result.figure("tasks at the end", status.tasks().stream().map(t -> t.state()).toList());
        long slowStops = ctx.cluster().logFiles().stream().filter(p -> p.getFileName().toString().startsWith("worker"))
                .mapToLong(p -> ctx.cluster().countInLog(p, "Graceful stop of task")).sum();
        result.figure("\"Graceful stop of task ... failed\" in worker logs", slowStops);
        Secrets.check(ctx, result);
        return check;
    }
}
