package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.MainPass;
import io.kafkaconnect.cinnox.poll.UnitPoller;
import io.kafkaconnect.cinnox.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task's progress per report, computed when asked from its units' cursors and its counters, for the
 * metrics and the progress log. Safe to read from any thread: cursors are immutable and published through
 * volatile fields, counters are atomic.
 */
public final class TaskProgress {

    private final List<UnitPoller> units;
    private final TaskStats stats;
    private final Clock clock;
    private final Duration settle;
    private final List<Report> reports;

    /**
     * @param configured the connector's reports; child reports among them count when a parent has units here
     */
    public TaskProgress(List<UnitPoller> units, TaskStats stats, Clock clock, Duration settle, Collection<Report> configured) {
        this.units = List.copyOf(units);
        this.stats = stats;
        this.clock = clock;
        this.settle = settle;
        Set<Report> own = new TreeSet<>();
        units.forEach(u -> own.add(u.unit().report()));
        Set<Report> all = new TreeSet<>(own);
        configured.stream().filter(r -> r.kind() == Report.Kind.CHILD)
                .filter(r -> r.parents().stream().anyMatch(own::contains)).forEach(all::add);
        this.reports = List.copyOf(all);
    }

    /** The reports this task writes: those of its units, and the child reports read through them. */
    public List<Report> reports() {
        return reports;
    }

    /** Whether the report has units in this task (child reports have none). */
    boolean hasUnits(Report report) {
        return report.kind() != Report.Kind.CHILD;
    }

    public ReportProgress of(Report report) {
        List<MainPass> passes = units.stream().filter(u -> u.unit().report() == report).map(UnitPoller::mainPass)
                .toList();
        return ReportProgress.of(report, stats.records(report), passes, clock.instant(), settle);
    }

    TaskStats stats() {
        return stats;
    }
}
