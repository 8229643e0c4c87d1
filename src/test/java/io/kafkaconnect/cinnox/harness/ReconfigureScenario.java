package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 11 saw "Graceful stop of task ... failed" on a task reconfiguration (a task taking more than Connect's
 * 5 s to stop). This scenario reconfigures the connector {@code --reconfigurations} times during an exactly-once
 * backfill (a new requests.per.minute each time, so Connect stops and restarts every task), and reports how long
 * each took until every task ran again, how many slow stops the workers logged, and what reached Kafka.
 */
final class ReconfigureScenario {

    private ReconfigureScenario() {
    }

    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("reconfigure");
        int times = o.integer("reconfigurations", 5, 3);
        try (RunContext ctx = Backfill.start(o, "reconfigure", true, List.of(), result)) {
            long t0 = System.nanoTime();
            int rpm = Integer.parseInt(ctx.connector().get("requests.per.minute"));
            List<String> took = new ArrayList<>();
            for (int i = 1; i <= times; i++) {
                ctx.awaitDelivered(ctx.expected().total() * i / (times + 2), Duration.ofMinutes(20));
                if (ctx.complete()) {
                    break;
                }
                ctx.connector().with("requests.per.minute", Integer.toString(rpm + (i % 2 == 0 ? 0 : 10)));
                long start = System.nanoTime();
                ConnectRest.Answer a = ctx.cluster().rest().putConfig(ConnectorSettings.NAME, ctx.connector().toMap());
                result.require(a.status() == 200, "reconfiguration " + i + " refused: HTTP " + a.status());
                Pause.millis(2000);
                boolean running = ctx.awaitAllRunning(Duration.ofSeconds(120));
                took.add(running ? String.format("%.1f s", RunContext.seconds(start)) : "not RUNNING in 120 s");
                RunContext.log("reconfiguration %d at %d/%d delivered: %s", i, ctx.delivered(),
                        ctx.expected().total(), took.get(took.size() - 1));
            }
            result.figure("reconfigurations during the backfill (time until every task RUNNING)", took);
            DeliveryCheck.Result check = Backfill.finish(ctx, result, t0, Duration.ofMinutes(60));
            result.require(check.lost() == 0, check.lost() + " records lost");
            result.require(check.duplicated() == 0, check.duplicated() + " records duplicated");
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }
}
