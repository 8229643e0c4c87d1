package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.WorkUnit;

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

    private static <T> UnitPoller windowed(WorkUnit unit, WindowedReport<T> report, UnitCursor cursor, PollContext ctx) {
        return new WindowedUnitPoller<>(unit, report, cursor, ctx);
    }
}
