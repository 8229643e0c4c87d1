package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reliability suite of issue 11 with real processes: each scenario starts its own broker, workers and
 * simulator, disrupts a backfill and checks what reached Kafka against the simulator's ground truth. Run it
 * through bin/reliability (which builds the plugin and fetches the Kafka jars); {@code --short} runs every
 * scenario on small data, {@code --ci} the one-cluster CI variant of .ci/run. Prints each scenario's figures as
 * Markdown and writes them to results.md in the state folder; exits 1 when a promise was broken.
 */
public final class ReliabilityMain {

    private ReliabilityMain() {
    }

    static Map<String, Function<SuiteOptions, ScenarioResult>> scenarios() {
        Map<String, Function<SuiteOptions, ScenarioResult>> all = new LinkedHashMap<>();
        all.put("kill-eos", o -> KillScenario.run(o, true));
        all.put("kill-alo", o -> KillScenario.run(o, false));
        all.put("faults", FaultScenario::run);
        all.put("token", TokenScenario::run);
        all.put("broker-outage", BrokerOutageScenario::run);
        all.put("reconfigure", ReconfigureScenario::run);
        all.put("secrets", SecretsScenario::run);
        all.put("validate", ValidateScenario::run);
        return all;
    }

    public static void main(String[] args) {
        SuiteOptions o = SuiteOptions.parse(args);
        Map<String, Function<SuiteOptions, ScenarioResult>> all = scenarios();
        all.put("ci", CiScenario::run);
        String everything = o.flag("ci") ? "ci" : String.join(",", scenarios().keySet());
        List<String> chosen = List.of(o.text("only", everything).split(","));
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : chosen) {
            Function<SuiteOptions, ScenarioResult> scenario = all.get(name.trim());
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + all.keySet());
            }
            RunContext.log("=== scenario %s ===", name);
            results.add(scenario.apply(o));
        }
        String report = report(o, results);
        System.out.println(report);
        write(o.path("state").resolve("results.md"), report);
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    private static String report(SuiteOptions o, List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder("## Reliability suite, " + Instant.now() + "\n\n");
        md.append("Command: `bin/reliability ").append(o.commandLine().replaceAll("--(kafka-libs|plugin-path|"
                + "simulator-jar|state) \\S+ ?", "").trim()).append("`\n\n");
        results.forEach(r -> md.append(r.markdown()).append('\n'));
        long passed = results.stream().filter(ScenarioResult::passed).count();
        md.append(passed).append(" of ").append(results.size()).append(" scenarios passed.\n");
        return md.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
