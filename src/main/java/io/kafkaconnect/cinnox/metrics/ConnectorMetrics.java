package io.kafkaconnect.cinnox.metrics;

import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * The connector's own {@link CinnoxMetric}s: how the units of work stood and how many tasks they went to the
 * last time the task configurations were computed.
 */
public final class ConnectorMetrics implements AutoCloseable {

    private final PluginGauges gauges;
    private volatile int unitsTotal;
    private volatile int unitsFinished;
    private volatile int tasks;

    /** @param metrics the connector context's plugin metrics; null for none */
    public ConnectorMetrics(PluginMetrics metrics) {
        gauges = new PluginGauges(metrics);
        gauges.add(CinnoxMetric.UNITS_TOTAL, () -> unitsTotal);
        gauges.add(CinnoxMetric.UNITS_FINISHED, () -> unitsFinished);
        gauges.add(CinnoxMetric.TASKS, () -> tasks);
    }

    public void planned(int total, int finished, int taskCount) {
        unitsTotal = total;
        unitsFinished = finished;
        tasks = taskCount;
    }

    @Override
    public void close() {
        gauges.close();
    }
}
