package io.kafkaconnect.cinnox.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the metrics reference, {@code docs/metrics.md}, from {@link CinnoxMetric}, so the docs cannot drift
 * from the code. {@code MetricsDocsTest} fails when the committed file is stale.
 */
public final class MetricsDocs {

    /** Where the reference lives, relative to the project directory. */
    public static final Path DEFAULT_PATH = Path.of("docs", "metrics.md");

    /** The command that rewrites the committed file. */
    public static final String REGENERATE_COMMAND = "mvn -Dtest=MetricsDocsTest -Ddocs.regenerate=true test";

    private static final Map<CinnoxMetric.Scope, String> TITLES = Map.of(
            CinnoxMetric.Scope.TASK, "Per task",
            CinnoxMetric.Scope.REPORT, "Per task and report",
            CinnoxMetric.Scope.CONNECTOR, "Per connector");

    private static final Map<CinnoxMetric.Scope, String> NOTES = Map.of(
            CinnoxMetric.Scope.TASK, "",
            CinnoxMetric.Scope.REPORT, "`records-total` exists for every report the task writes, child reports "
                    + "included; `lag-seconds` and `backfill-progress` for the reports with units of their own "
                    + "(not `enquiry-chat`, `recording-file` and `sent-campaigns-detail`, which follow their parent "
                    + "report). `enquiry-overview` reads whole settled days, so its lag goes up to a day plus "
                    + "`window.settle.ms`.\n\n",
            CinnoxMetric.Scope.CONNECTOR, "");

    private MetricsDocs() {
    }

    /** Writes the reference to the path in {@code args[0]}, or to {@link #DEFAULT_PATH}. */
    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : DEFAULT_PATH;
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }

    /** The whole reference as Markdown, with {@code \n} line ends. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Metrics reference\n\n");
        md.append("<!-- Generated from CinnoxMetric by MetricsDocs; do not edit by hand. Regenerate with: ")
                .append(REGENERATE_COMMAND).append(" -->\n\n");
        md.append("The connector and its tasks publish these metrics through Connect's plugin metrics (KIP-877, "
                + "Kafka 4.1 and later), so they appear wherever the worker reports its own metrics: in JMX under "
                + "the `kafka.connect` domain with `type=plugins`, tagged with the connector's name "
                + "(`connector`), the task number (`task`) and, for per-report metrics, the report "
                + "(`report`, its name as in `reports`). Each metric is an attribute of that MBean. Values are "
                + "read when asked; counters (`-total`) count from the task's start and restart at 0 with a new "
                + "task. See [operations.md](operations.md#metrics-and-logs) for how to read them.\n\n");
        for (CinnoxMetric.Scope scope : CinnoxMetric.Scope.values()) {
            md.append("## ").append(TITLES.get(scope)).append("\n\n");
            md.append("JMX object name: `").append(scope.objectName()).append("`\n\n").append(NOTES.get(scope));
            md.append("| Attribute | Description |\n|---|---|\n");
            for (CinnoxMetric metric : CinnoxMetric.of(scope)) {
                md.append("| `").append(metric.metricName()).append("` | ")
                        .append(metric.description().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
