package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Builds the poller that fits a unit's report kind. */
public final class Pollers {

    private Pollers() {
    }

    public static UnitPoller create(WorkUnit unit, UnitCursor cursor, PollContext ctx) {
        return switch (unit.report().kind()) {
            case WINDOWED -> windowed(unit, WindowedReport.of(unit.report(), ctx.formats()), cursor, ctx);
            case DAILY -> new DailyUnitPoller(unit, cursor, ctx);
            case SNAPSHOT -> new SnapshotUnitPoller(unit, cursor, ctx);
            case CHILD -> throw new IllegalArgumentException(unit + ": child reports are read by their parents' units");
        };
    }

    /**
     * The pollers of {@code units}, each resuming from its stored offset; all offsets are read in one call
     * (a fresh cursor where none is stored).
     */
    public static List<UnitPoller> load(List<WorkUnit> units, OffsetStorageReader reader, PollContext ctx) {
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(
                units.stream().map(WorkUnit::toPartition).toList());
        List<UnitPoller> pollers = new ArrayList<>();
        for (WorkUnit unit : units) {
            UnitCursor cursor = UnitCursor.fromOffset(offsets == null ? null : offsets.get(unit.toPartition()));
            pollers.add(create(unit, cursor, ctx));
        }
        return pollers;
    }

    /**
     * A windowed unit plans with its endpoint's planner, so what one unit learns of the endpoint's widest
     * window serves the others; a limit the unit stored before a restart is shared the same way.
     */
    private static <T> UnitPoller windowed(WorkUnit unit, WindowedReport<T> report, UnitCursor cursor, PollContext ctx) {
        String endpoint = unit.report().apiName();
        cursor.windowLimit().ifPresent(limit -> ctx.planner().limits().learn(endpoint, limit));
        return new WindowedUnitPoller<>(unit, report, cursor, ctx.withPlanner(ctx.planner().forEndpoint(endpoint)));
    }
}
