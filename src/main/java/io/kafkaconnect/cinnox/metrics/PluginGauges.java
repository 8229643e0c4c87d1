package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges added to Connect's plugin metrics of a connector or task, and removed again on {@link #close()}, so
 * a connector started again by the same worker can add them anew. Without plugin metrics (a worker or test
 * that gives none) every call does nothing.
 */
public final class PluginGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginGauges.class);

    private final PluginMetrics metrics;
    private final List<MetricName> added = new ArrayList<>();

    /** @param metrics the context's plugin metrics; null for none */
    PluginGauges(PluginMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The plugin metrics a context gives, or null when it gives none: workers before Kafka 4.1 lack the method
     * (the same guard Connect documents for {@code errantRecordReporter()}).
     */
    public static PluginMetrics of(Supplier<PluginMetrics> context) {
        try {
            return context.get();
        } catch (NoSuchMethodError | AbstractMethodError e) {
            log.info("This Connect worker offers no plugin metrics (Kafka 4.1 or later does); running without metrics");
            return null;
        }
    }

    /** Adds a gauge whose value is read from {@code value} whenever a reporter asks. */
    <T> void add(CinnoxMetric metric, LinkedHashMap<String, String> tags, Supplier<T> value) {
        if (metrics == null) {
            return;
        }
        MetricName name = metrics.metricName(metric.metricName(), metric.description(), tags);
        metrics.addMetric(name, (Gauge<T>) (config, now) -> value.get());
        added.add(name);
    }

    <T> void add(CinnoxMetric metric, Supplier<T> value) {
        add(metric, new LinkedHashMap<>(), value);
    }

    /** Tags naming a report, for {@link CinnoxMetric.Scope#REPORT} metrics. */
    static LinkedHashMap<String, String> reportTags(Report report) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put(CinnoxMetric.REPORT_TAG, report.apiName());
        return tags;
    }

    /** Removes every gauge added; harmless when the worker closed the plugin metrics first, or twice. */
    @Override
    public void close() {
        for (MetricName name : added) {
            try {
                metrics.removeMetric(name);
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.debug("Metric {} was already removed: {}", name.name(), e.getMessage());
            }
        }
        added.clear();
    }
}
