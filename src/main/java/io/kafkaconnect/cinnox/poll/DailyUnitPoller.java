package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.offset.TrackedVersion;
import io.kafkaconnect.cinnox.offset.TrackedVersions;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.TimeWindow;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.report.DailyOverview;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads the enquiry overview matrix of one chunk as one row per settled UTC day (never more than a day
 * per query, far inside the API's 90). Days inside the lookback are re-read once per sweep interval and
 * emitted again only when their totals changed, since enquiries keep changing status.
 */
final class DailyUnitPoller implements UnitPoller {

    private final WorkUnit unit;
    private final TimeRange range;
    private final PollContext ctx;
    private final WindowPlanner days;
    private final ReportFormat<DailyOverview> format;
    private final StepRecords.Heartbeats heartbeats;
    private final Sweeps sweeps;
    private volatile UnitCursor cursor;

    DailyUnitPoller(WorkUnit unit, UnitCursor cursor, PollContext ctx) {
        this.unit = unit;
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.ctx = ctx;
        this.days = WindowPlanner.daily(ctx.settle());
        this.format = ctx.formats().of(Report.ENQUIRY_OVERVIEW, DailyOverview.class);
        this.heartbeats = ctx.heartbeats();
        this.sweeps = new Sweeps(ctx.lookback(), ctx.sweepInterval(), ctx.clock().instant());
        this.cursor = cursor;
    }

    @Override
    public WorkUnit unit() {
        return unit;
    }

    @Override
    public Instant dueAt(Instant now) {
        if (cursor.done()) {
            return NEVER;
        }
        if (cursor.sweeping()) {
            return now;
        }
        WindowPlan plan = days.plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan) {
            return now;
        }
        Instant sweep = sweeps.nextAt(cursor, now);
        if (plan instanceof WindowPlan.NotDue notDue) {
            return notDue.dueAt().isBefore(sweep) ? notDue.dueAt() : sweep;
        }
        return sweeps.anyLive(cursor, now) ? sweep : now;
    }

    @Override
    public List<SourceRecord> step(Instant now) {
        if (cursor.sweeping() || !sweeps.nextAt(cursor, now).isAfter(now)) {
            return sweepDay(now);
        }
        WindowPlan plan = days.plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan day) {
            return readDay(day, now);
        }
        if (plan instanceof WindowPlan.MainPassFinished && !sweeps.anyLive(cursor, now)) {
            UnitCursor after = cursor.expireTracked(now.minus(ctx.lookback())).unitFinished();
            return commit(new StepRecords(), cursor, after, true);
        }
        return List.of();
    }

    @Override
    public void windowTooWide() {
        // A day is always inside CINNOX's documented 90-day maximum; nothing to shrink.
    }

    @Override
    public boolean isLive(Instant now) {
        return unit.chunk().end().isAfter(now.minus(ctx.settle()));
    }

    @Override
    public MainPass mainPass() {
        return MainPass.of(range, cursor);
    }

    @Override
    public String progress() {
        return unit + " at " + Instant.ofEpochMilli(cursor.windowStart()) + (cursor.done() ? ", done" : "");
    }

    private List<SourceRecord> readDay(TimeWindowPlan plan, Instant now) {
        UnitCursor before = plan.cursor();
        DailyOverview row = fetch(plan.start());
        StepRecords out = new StepRecords();
        out.add(format, row);
        UnitCursor after = track(before.nextPage(1).windowFinished(), row, now);
        return commit(out, before, after, false);
    }

    private List<SourceRecord> sweepDay(Instant now) {
        UnitCursor before = cursor.expireTracked(now.minus(ctx.lookback()));
        UnitCursor current = before;
        if (!current.sweeping()) {
            Optional<Instant> first = Sweeps.earliestTracked(current, Instant.MIN);
            if (first.isEmpty()) {
                return commit(new StepRecords(), cursor, current, false);
            }
            current = current.startSweep(first.get(), first.get().plus(java.time.Duration.ofDays(1)));
        }
        Instant day = current.sweep().startAt();
        DailyOverview row = fetch(day);
        StepRecords out = new StepRecords();
        UnitCursor after = current;
        TrackedVersion tracked = after.tracked().get(format.key(row));
        if (tracked != null && !TrackedVersions.same(tracked.version(), format.version(row))) {
            out.add(format, row);
            after = track(after, row, now);
        }
        UnitCursor ended = after.sweepFinished(Instant.ofEpochMilli(after.lastSweepAt()));
        Optional<Instant> next = Sweeps.earliestTracked(ended, day.plus(java.time.Duration.ofDays(1)));
        after = next.isPresent() ? ended.startSweep(next.get(), next.get().plus(java.time.Duration.ofDays(1)))
                : after.sweepFinished(now);
        return commit(out, cursor, after, false);
    }

    private DailyOverview fetch(Instant dayStart) {
        Instant dayEnd = dayStart.plus(java.time.Duration.ofDays(1));
        TimeWindow window = TimeWindow.of(dayStart, WindowPlanner.apiEnd(dayEnd, ctx.windowEndInclusive()));
        EnquiryOverview overview = ctx.api().enquiryOverview(window);
        return new DailyOverview(LocalDate.ofInstant(dayStart, ZoneOffset.UTC), overview);
    }

    /** Days still inside the lookback are tracked, since their totals may change. */
    private UnitCursor track(UnitCursor after, DailyOverview row, Instant now) {
        Instant day = row.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (ctx.lookback().isZero() || !day.plus(java.time.Duration.ofDays(1)).isAfter(now.minus(ctx.lookback()))) {
            return after.tracked().containsKey(format.key(row)) ? after.untrack(format.key(row)) : after;
        }
        return after.track(format.key(row), TrackedVersions.tracked(format.version(row), now), day);
    }

    private List<SourceRecord> commit(StepRecords out, UnitCursor before, UnitCursor after, boolean mustKeep) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, before, after, heartbeats, mustKeep);
        cursor = after;
        return records;
    }
}
