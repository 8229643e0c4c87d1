package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.List;

/**
 * Scenario 4 of issue 11: the broker stopped for {@code --outage-seconds} (default 60) part-way through an
 * exactly-once backfill, then started again on the same data: the connector must resume by itself and lose
 * nothing. Reports how long after the broker's return records flowed again and whether any task failed.
 */
final class BrokerOutageScenario {

    private BrokerOutageScenario() {
    }

    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("broker-outage");
        int outage = o.integer("outage-seconds", 60, 60);
        try (RunContext ctx = Backfill.start(o, "broker-outage", true, List.of(), result)) {
            long t0 = System.nanoTime();
            ctx.awaitDelivered(ctx.expected().total() / 4, Duration.ofMinutes(20));
            int before = ctx.delivered();
            RunContext.log("stopping the broker at %d/%d delivered", before, ctx.expected().total());
            ctx.cluster().stop("broker", Duration.ofSeconds(30));
            Pause.millis(outage * 1000L);
            long restart = System.nanoTime();
            ctx.cluster().startBroker();
            double startup = RunContext.seconds(restart);
            long back = System.nanoTime();
            boolean resumed = RunContext.await(Duration.ofMinutes(5), () -> ctx.delivered() > before
                    || ctx.complete());
            result.figure("broker stopped", outage + " s at " + before + "/" + ctx.expected().total()
                    + " delivered, then " + String.format("%.1f s", startup) + " to start again");
            result.figure("records flowing again after the broker was ready",
                    resumed ? String.format("%.1f s", RunContext.seconds(back)) : "not within 5 min");
            result.require(resumed, "no record arrived within 5 minutes of the broker's return");
            ConnectRest.Status afterOutage = ctx.status();
            result.figure("tasks FAILED after the outage", afterOutage.count("FAILED"));
            result.require(afterOutage.count("FAILED") == 0, "tasks FAILED after the outage: " + afterOutage.tasks());
            if (afterOutage.count("FAILED") > 0) {
                ctx.cluster().rest().restart(ConnectorSettings.NAME, true);
            }
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }
}
