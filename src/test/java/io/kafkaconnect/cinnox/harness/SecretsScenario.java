package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6 of issue 11 on a run of its own: the connector with the enquiry event receiver on (so the webhook
 * secret is configured too) reads a short backfill; then the logs, the REST answers and a config validation
 * answer are searched for the App Token and the webhook secret. Every other scenario searches its own run too.
 */
final class SecretsScenario {

    private SecretsScenario() {
    }

    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("secrets");
        SuiteOptions small = SuiteOptions.parse(withShort(o));
        try (RunContext ctx = Backfill.startWith(small, "secrets", false, List.of(), result,
                c -> c.withWebhook(small.integer("ports-base", 28000, 28000) + 90))) {
            long t0 = System.nanoTime();
            String validate = validate(ctx);
            boolean leaked = validate.contains(ctx.connector().token())
                    || validate.contains(ctx.connector().webhookSecret());
            result.figure("config validate answer", leaked ? "holds a secret" : "no secret");
            result.require(!leaked, "the validate answer holds a secret");
            Backfill.finish(ctx, result, t0, Duration.ofMinutes(20));
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }

    private static String[] withShort(SuiteOptions o) {
        String cmd = o.commandLine();
        return (cmd + (o.isShort() ? "" : " --short")).trim().split("\\s+");
    }

    /** PUT /connector-plugins/{class}/config/validate with the run's configuration, secrets written in it. */
    private static String validate(RunContext ctx) {
        Map<String, String> config = ctx.connector().withPlainSecrets();
        String url = ctx.cluster().rest().baseUrl() + "/connector-plugins/" + ConnectorSettings.CLASS
                + "/config/validate";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config))).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
