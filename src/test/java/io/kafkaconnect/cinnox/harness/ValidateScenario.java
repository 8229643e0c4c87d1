package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issue 11 item 5, the configuration half: every case of {@link ValidateCases} through a real worker's
 * {@code PUT /connector-plugins/.../config/validate}. Each must be answered HTTP 200 with at least one error,
 * one of them on the setting to change, no Java exception or stack frame in any message and no secret in the
 * answer; two valid configurations (polling, and with the enquiry event receiver) must come back without error.
 */
final class ValidateScenario {

    private static final Pattern EXCEPTION = Pattern.compile("Exception|Error:|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private ValidateScenario() {
    }

    /** On a cluster of its own: broker, one worker, the simulator (for the credentials checks). */
    static ScenarioResult run(SuiteOptions o) {
        ScenarioResult result = new ScenarioResult("validate");
        ClusterLayout layout = o.layout("validate", 1, false);
        SimulatorSpec spec = SimulatorSpec.fixed(o.seed(), 10, 2, SuiteOptions.fixedClock()).with("--admin");
        ConnectorSettings connector = new ConnectorSettings(layout.simulatorUrl(), Instant.parse("2025-01-01T00:00:00Z"), 1);
        try (RunContext ctx = new RunContext(layout, spec, connector, false)) {
            ctx.start();
            check(ctx, result);
            Secrets.check(ctx, result);
        } catch (RuntimeException e) {
            result.problem("run aborted: " + e);
        }
        return result;
    }

    /** Sends every case and both valid configurations; records the figures and a table in validate.md. */
    static void check(RunContext ctx, ScenarioResult result) {
        Map<String, String> base = base(ctx.connector());
        ConnectRest rest = ctx.cluster().rest();
        long t0 = System.nanoTime();
        StringBuilder table = new StringBuilder("| Case | Setting | HTTP | Errors | Message on the setting |\n"
                + "|---|---|---|---|---|\n");
        int passed = 0;
        List<ValidateCases.Case> cases = ValidateCases.all(ctx.layout().simulatorPort() - 1);
        for (ValidateCases.Case c : cases) {
            String problem = judge(c, rest.validate(ConnectorSettings.CLASS, c.apply(base)), ctx, table);
            if (problem == null) {
                passed++;
            } else {
                result.problem("validate '" + c.name() + "': " + problem);
            }
        }
        for (Map<String, String> valid : List.of(base, withWebhook(base))) {
            ConnectRest.Answer a = rest.validate(ConnectorSettings.CLASS, valid);
            int errors = a.status() == 200 ? ConnectRest.parse(a.body()).path("error_count").asInt(-1) : -1;
            result.require(errors == 0, "a valid configuration was answered HTTP " + a.status() + " with " + errors
                    + " errors: " + Secrets.mask(a.body(), ctx.connector()));
        }
        write(ctx, table);
        result.figure("bad configurations through config/validate", cases.size() + " (" + cases.stream()
                .map(ValidateCases.Case::field).distinct().count() + " settings), " + passed
                + " answered HTTP 200 with an error on the setting to change and no exception; 2 valid ones "
                + "without error; " + String.format("%.1f s", RunContext.seconds(t0)));
    }

    /** Null when the answer is right; otherwise what is wrong. Adds the case's row to {@code table}. */
    private static String judge(ValidateCases.Case c, ConnectRest.Answer a, RunContext ctx, StringBuilder table) {
        String body = a.body();
        if (body.contains(ctx.connector().token()) || body.contains(ValidateCases.WEBHOOK_SECRET)) {
            return "the answer holds a secret";
        }
        if (a.status() != 200) {
            row(table, c, a.status(), -1, body);
            return "HTTP " + a.status() + ": " + body;
        }
        JsonNode answer = ConnectRest.parse(body);
        int count = answer.path("error_count").asInt(-1);
        Map<String, List<String>> errors = errors(answer);
        List<String> onField = errors.getOrDefault(c.field(), List.of());
        row(table, c, a.status(), count, onField.isEmpty() ? "(none; errors on " + errors.keySet() + ")"
                : onField.get(0));
        List<String> exceptions = errors.values().stream().flatMap(List::stream)
                .filter(m -> EXCEPTION.matcher(m).find()).toList();
        if (!exceptions.isEmpty()) {
            return "an exception in a message: " + exceptions;
        }
        if (count < 1 || onField.isEmpty()) {
            return "error_count " + count + ", no error on " + c.field() + " (errors: " + errors + ")";
        }
        return null;
    }

    /** Setting name to its error messages, for the settings that have any. */
    private static Map<String, List<String>> errors(JsonNode answer) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode config : answer.path("configs")) {
            List<String> messages = new ArrayList<>();
            config.path("value").path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(config.path("value").path("name").asText(), messages);
            }
        }
        return errors;
    }

    /**
     * The run's connector configuration (secrets written in it, as a user would type them), receiver off, with
     * the connector name Connect's own validation requires.
     */
    static Map<String, String> base(ConnectorSettings connector) {
        Map<String, String> base = new LinkedHashMap<>(connector.withPlainSecrets());
        base.keySet().removeIf(k -> k.startsWith("webhook."));
        base.put("name", ConnectorSettings.NAME + "-validate");
        return base;
    }

    private static Map<String, String> withWebhook(Map<String, String> base) {
        Map<String, String> config = new LinkedHashMap<>(base);
        config.putAll(ValidateCases.webhookOn());
        return config;
    }

    private static void row(StringBuilder table, ValidateCases.Case c, int status, int count, String message) {
        table.append("| ").append(c.name()).append(" | `").append(c.field()).append("` | ").append(status)
                .append(" | ").append(count).append(" | ").append(message.replace("|", "\\|").replace("\n", " "))
                .append(" |\n");
    }

    private static void write(RunContext ctx, StringBuilder table) {
        try {
            Files.writeString(ctx.layout().dir().resolve("validate.md"), Secrets.mask(table.toString(),
                    ctx.connector()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
