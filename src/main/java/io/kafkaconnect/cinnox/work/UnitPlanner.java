package io.kafkaconnect.cinnox.work;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lists an App's units of work from the history start up to the chunk that holds now, and deals them to
 * tasks so that no unit is ever given to two tasks. Pure: time and stored offsets come in as arguments.
 */
public final class UnitPlanner {

    /** Live work first: newest chunk first, snapshot units last; then by App and report for stability. */
    static final Comparator<WorkUnit> NEWEST_FIRST = Comparator
            .comparing((WorkUnit unit) -> unit.chunk() == null ? Instant.MIN : unit.chunk().start(),
                    Comparator.reverseOrder())
            .thenComparing(WorkUnit::appId)
            .thenComparing(WorkUnit::report);

    private final String appId;
    private final List<Report> reports;
    private final Instant historyStart;
    private final Duration chunkLength;

    /**
     * @param appId the CINNOX App
     * @param reports the configured reports; CHILD reports are accepted and add no units of their own
     * @param historyStart the earliest instant to read
     * @param chunkLength the chunk grid step (backfill.chunk.days)
     */
    public UnitPlanner(String appId, Collection<Report> reports, Instant historyStart, Duration chunkLength) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.reports = List.copyOf(new LinkedHashSet<>(reports));
        this.historyStart = Objects.requireNonNull(historyStart, "historyStart");
        this.chunkLength = Objects.requireNonNull(chunkLength, "chunkLength");
        Chunk.containing(historyStart, chunkLength);
    }

    /**
     * Every unit from the history start to now, finished or not, in report order and oldest chunk first:
     * one per chunk intersecting {@code [historyStart, now]} for WINDOWED and DAILY reports, one per
     * SNAPSHOT report, none for CHILD reports. Their partitions are what to read offsets for.
     */
    public List<WorkUnit> allUnits(Instant now) {
        List<WorkUnit> units = new ArrayList<>();
        for (Report report : reports) {
            switch (report.kind()) {
                case WINDOWED, DAILY -> Chunk.covering(historyStart, now.plusMillis(1), chunkLength)
                        .forEach(chunk -> units.add(new WorkUnit(appId, report, chunk)));
                case SNAPSHOT -> units.add(WorkUnit.snapshot(appId, report));
                case CHILD -> { }
                default -> throw new IllegalStateException("Unknown report kind " + report.kind());
            }
        }
        return units;
    }

    /**
     * The units still to do: {@link #allUnits(Instant)} without those whose cursor is done.
     *
     * @param cursors the stored cursor of a unit; null means none stored (a fresh unit)
     */
    public List<WorkUnit> unitsToDo(Instant now, Function<WorkUnit, UnitCursor> cursors) {
        return allUnits(now).stream().filter(unit -> {
            UnitCursor cursor = cursors.apply(unit);
            return cursor == null || !cursor.done();
        }).toList();
    }

    /**
     * Deals units to at most {@code maxTasks} tasks round-robin, newest chunks first, so every unit goes to
     * exactly one task and the live units of different reports go to different tasks. Returns one
     * non-empty group per task used: {@code min(maxTasks, units)} groups, none when there are no units.
     * Each group lists its units newest first.
     */
    public static List<List<WorkUnit>> assign(List<WorkUnit> units, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1, got " + maxTasks);
        }
        if (new LinkedHashSet<>(units).size() != units.size()) {
            throw new IllegalArgumentException("A unit of work is listed twice: " + units);
        }
        List<WorkUnit> ordered = units.stream().sorted(NEWEST_FIRST).toList();
        int groupCount = Math.min(maxTasks, ordered.size());
        List<List<WorkUnit>> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < ordered.size(); i++) {
            groups.get(i % groupCount).add(ordered.get(i));
        }
        return groups.stream().map(List::copyOf).toList();
    }
}
