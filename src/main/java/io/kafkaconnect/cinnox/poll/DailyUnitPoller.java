package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.offset.TrackedVersion;
import io.kafkaconnect.cinnox.offset.TrackedVersions;
import io.kafkaconnect.cinnox.offset.DailyCursor;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.TimeWindow;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.report.DailyOverview;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads the enquiry overview matrix of one chunk as one row per settled UTC day (never more than a day
 * per query, far inside the API's 90). Days inside the lookback are re-read once per sweep interval and
 * emitted again only when their totals changed, since enquiries keep changing status.
 */
final class DailyUnitPoller extends RangePoller {

    private static final Duration DAY = Duration.ofDays(1);

    private final ReportFormat<DailyOverview> format;

    DailyUnitPoller(WorkUnit unit, DailyCursor cursor, PollContext ctx) {
        super(unit, cursor, ctx, WindowPlanner.daily(ctx.settle()));
        this.format = ctx.formats().of(Report.ENQUIRY_OVERVIEW, DailyOverview.class);
    }

    @Override
    public void windowTooWide() {
        // A day is always inside CINNOX's documented 90-day maximum; nothing to shrink.
    }

    @Override
    public String progress() {
        return unit + " at " + Instant.ofEpochMilli(cursor.windowStart()) + (cursor.done() ? ", done" : "");
    }

    @Override
    protected List<SourceRecord> readWindow(TimeWindowPlan<DailyCursor> plan, Instant now) {
        DailyCursor before = plan.cursor();
        DailyOverview row = fetch(plan.start());
        StepRecords out = new StepRecords();
        out.add(format, row);
        DailyCursor after = track(before.nextPage(1).windowFinished(), row, now);
        return commit(out, before, after, false);
    }

    @Override
    protected List<SourceRecord> readSweep(DailyCursor before, DailyCursor current, Instant now) {
        Instant day = current.sweep().startAt();
        DailyOverview row = fetch(day);
        StepRecords out = new StepRecords();
        DailyCursor after = current;
        TrackedVersion tracked = after.tracked().get(format.key(row));
        if (tracked != null && !TrackedVersions.same(tracked.version(), format.version(row))) {
            out.add(format, row);
            after = track(after, row, now);
        }
        return commit(out, before, nextSweepWindow(after, day.plus(DAY), now), false);
    }

    @Override
    protected Instant sweepEnd(DailyCursor cursor, Instant from) {
        return from.plus(DAY);
    }

    private DailyOverview fetch(Instant dayStart) {
        TimeWindow window = TimeWindow.of(dayStart, WindowPlanner.apiEnd(dayStart.plus(DAY), ctx.windowEndInclusive()));
        EnquiryOverview overview = ctx.api().enquiryOverview(window);
        return new DailyOverview(LocalDate.ofInstant(dayStart, ZoneOffset.UTC), overview);
    }

    /** Days still inside the lookback are tracked, since their totals may change. */
    private DailyCursor track(DailyCursor after, DailyOverview row, Instant now) {
        Instant day = row.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (ctx.lookback().isZero() || !day.plus(DAY).isAfter(now.minus(ctx.lookback()))) {
            return after.tracked().containsKey(format.key(row)) ? after.untrack(format.key(row)) : after;
        }
        return after.track(format.key(row), TrackedVersions.tracked(format.version(row), now), day);
    }
}
