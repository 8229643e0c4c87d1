package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.client.ChatOverLimitException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.TimeWindow;
import io.kafkaconnect.cinnox.source.records.MissingRecordKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one chunk of a windowed report: the main pass window by window and page by page, the child work
 * of each page (chats, recordings, campaign recipients), and sweeps that re-read records emitted in a
 * non-final state until they change or leave the lookback. See docs/design/connector.md.
 */
final class WindowedUnitPoller<T> implements UnitPoller {

    private static final Logger log = LoggerFactory.getLogger(WindowedUnitPoller.class);

    private final WorkUnit unit;
    private final TimeRange range;
    private final WindowedReport<T> report;
    private final PollContext ctx;
    private final StepRecords.Heartbeats heartbeats;
    private final Sweeps sweeps;
    private volatile UnitCursor cursor;

    WindowedUnitPoller(WorkUnit unit, WindowedReport<T> report, UnitCursor cursor, PollContext ctx) {
        this.unit = unit;
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.report = report;
        this.ctx = ctx;
        this.cursor = cursor;
        this.heartbeats = ctx.heartbeats();
        this.sweeps = new Sweeps(ctx.lookback(), ctx.sweepInterval(), ctx.clock().instant());
    }

    @Override
    public WorkUnit unit() {
        return unit;
    }

    UnitCursor cursor() {
        return cursor;
    }

    @Override
    public Instant dueAt(Instant now) {
        if (cursor.done()) {
            return NEVER;
        }
        if (!cursor.pending().isEmpty() || cursor.sweeping()) {
            return now;
        }
        Instant sweep = sweeps.nextAt(cursor, now);
        WindowPlan plan = ctx.planner().plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan) {
            return now;
        }
        if (plan instanceof WindowPlan.NotDue notDue) {
            return earliest(notDue.dueAt(), sweep);
        }
        return !sweeps.anyLive(cursor, now) ? now : sweep;
    }

    @Override
    public List<SourceRecord> step(Instant now) {
        if (!cursor.pending().isEmpty()) {
            return readChild();
        }
        if (cursor.sweeping() || !sweeps.nextAt(cursor, now).isAfter(now)) {
            return sweep(now);
        }
        WindowPlan plan = ctx.planner().plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan window) {
            return readMainPage(window, now);
        }
        if (plan instanceof WindowPlan.MainPassFinished && !sweeps.anyLive(cursor, now)) {
            return finish(now);
        }
        return List.of();
    }

    @Override
    public void windowTooWide() {
        if (cursor.sweeping()) {
            PagedWindow sweep = cursor.sweep();
            long half = Math.max(1, (sweep.end() - sweep.start()) / 2);
            cursor = cursor.sweepFinished(Instant.ofEpochMilli(cursor.lastSweepAt()))
                    .startSweep(sweep.startAt(), Instant.ofEpochMilli(sweep.start() + half));
        } else if (cursor.windowFixed()) {
            cursor = ctx.planner().shrink(cursor);
        }
        log.info("{}: CINNOX refused the window as too wide; reading it in halves, now {}", unit,
                cursor.sweeping() ? cursor.sweep() : cursor.main());
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
        return unit + " at " + Instant.ofEpochMilli(cursor.windowStart()) + " (+" + cursor.pageOffset() + ")"
                + (cursor.pending().isEmpty() ? "" : ", " + cursor.pending().size() + " children pending")
                + (cursor.tracked().isEmpty() ? "" : ", " + cursor.tracked().size() + " tracked")
                + (cursor.done() ? ", done" : "");
    }

    private List<SourceRecord> readMainPage(TimeWindowPlan plan, Instant now) {
        UnitCursor before = plan.cursor();
        cursor = before; // the window is fixed from now on, so a too-wide answer halves this very window
        TimeWindow window = TimeWindow.of(plan.start(), plan.apiEnd(ctx.windowEndInclusive()));
        Page<T> page = report.page(ctx.api(), window, PageRequest.of(Math.toIntExact(plan.pageOffset()), ctx.pageSize()));
        UnitCursor after = before.nextPage(page.returnedCount());
        StepRecords out = new StepRecords();
        List<String> children = new ArrayList<>();
        for (T model : page.records()) {
            out.add(report.format(), model);
            after = remember(after, model, now, 0, children);
        }
        if (page.isLast()) {
            after = after.windowFinished();
        }
        if (!children.isEmpty()) {
            after = after.withPending(children);
        }
        log.debug("{} window {} offset {}: {} records", unit, window, plan.pageOffset(), page.size());
        return commit(out, before, after, false);
    }

    private List<SourceRecord> readChild() {
        UnitCursor before = cursor;
        ChildRef child = ChildRef.decode(before.pending().get(0));
        ChildReader.ChildPage<?> page;
        try {
            page = ctx.children().read(child, before.childOffset());
        } catch (ChatOverLimitException e) {
            ctx.stats().chatOverLimit();
            log.warn("{}: skipping {}: {}", unit, child, e.getMessage());
            return commit(new StepRecords(), before, before.childFinished(), false);
        } catch (FatalApiException e) {
            if (e.reason() != FatalApiException.Reason.BAD_PARAMETER) {
                throw e;
            }
            log.warn("{}: skipping {}: CINNOX refused it: {}", unit, child, e.getMessage());
            return commit(new StepRecords(), before, before.childFinished(), false);
        }
        StepRecords out = new StepRecords();
        addPage(out, page);
        UnitCursor after = page.last() ? before.childFinished() : before.childPageRead(page.readCount());
        return commit(out, before, after, false);
    }

    private static <C> void addPage(StepRecords out, ChildReader.ChildPage<C> page) {
        out.addAll(page.format(), page.records());
    }

    private List<SourceRecord> sweep(Instant now) {
        UnitCursor before = cursor.expireTracked(now.minus(ctx.lookback()));
        UnitCursor current = before;
        if (!current.sweeping()) {
            Optional<Instant> from = Sweeps.earliestTracked(current, Instant.MIN);
            if (from.isEmpty()) {
                return commit(new StepRecords(), cursor, current, false);
            }
            current = current.startSweep(from.get(), sweepEnd(current, from.get()));
        }
        cursor = current;
        PagedWindow sweep = current.sweep();
        TimeWindow window = TimeWindow.of(sweep.startAt(),
                WindowPlanner.apiEnd(sweep.endAt(), ctx.windowEndInclusive()));
        Page<T> page = report.page(ctx.api(), window, PageRequest.of(Math.toIntExact(sweep.offset()), ctx.pageSize()));
        UnitCursor after = current.sweepPageRead(page.returnedCount());
        StepRecords out = new StepRecords();
        List<String> children = new ArrayList<>();
        for (T model : page.records()) {
            after = resweep(out, after, model, now, children);
        }
        if (page.isLast()) {
            after = nextSweepWindow(after, sweep.endAt(), now);
        }
        if (!children.isEmpty()) {
            after = after.withPending(children);
        }
        return commit(out, before, after, false);
    }

    private UnitCursor resweep(StepRecords out, UnitCursor after, T model, Instant now, List<String> children) {
        Optional<String> key = keyOf(model);
        if (key.isEmpty()) {
            return after;
        }
        String id = key.get();
        TrackedVersion tracked = after.tracked().get(id);
        if (tracked == null || TrackedVersions.same(tracked.version(), report.format().version(model))) {
            return after;
        }
        out.add(report.format(), model);
        return remember(after, model, now, TrackedVersions.emittedAt(tracked.version()), children);
    }

    private UnitCursor nextSweepWindow(UnitCursor after, Instant windowEnd, Instant now) {
        UnitCursor ended = after.sweepFinished(Instant.ofEpochMilli(after.lastSweepAt()));
        Optional<Instant> next = Sweeps.earliestTracked(ended, windowEnd);
        if (next.isEmpty()) {
            return after.sweepFinished(now);
        }
        return ended.startSweep(next.get(), sweepEnd(ended, next.get()));
    }

    private List<SourceRecord> finish(Instant now) {
        UnitCursor after = cursor.expireTracked(now.minus(ctx.lookback())).unitFinished();
        log.info("{}: finished", unit);
        return commit(new StepRecords(), cursor, after, true);
    }

    /** Tracks a just-emitted record while it may still change, and queues its child work. */
    private UnitCursor remember(UnitCursor after, T model, Instant now, long previousEmitMs, List<String> children) {
        Optional<String> key = keyOf(model);
        if (key.isEmpty()) {
            return after;
        }
        String id = key.get();
        ctx.children().childOf(model, previousEmitMs).ifPresent(child -> children.add(child.encode()));
        Optional<Instant> windowTime = report.format().eventTime(model);
        boolean mayChange = !report.format().isFinal(model) && !ctx.lookback().isZero() && windowTime.isPresent()
                && windowTime.get().isAfter(now.minus(ctx.lookback()));
        if (mayChange) {
            return after.track(id, TrackedVersions.tracked(report.format().version(model), now), windowTime.get());
        }
        return after.tracked().containsKey(id) ? after.untrack(id) : after;
    }

    private List<SourceRecord> commit(StepRecords out, UnitCursor before, UnitCursor after, boolean mustKeep) {
        List<SourceRecord> records = out.build(ctx.maker(), unit, before, after, heartbeats, mustKeep);
        cursor = after;
        return records;
    }

    private static Instant sweepEnd(UnitCursor cursor, Instant from) {
        Instant latest = cursor.tracked().values().stream().map(TrackedVersion::windowTime)
                .max(Instant::compareTo).orElse(from).plusMillis(1);
        Instant capped = from.plus(PollContext.SWEEP_WINDOW_MAX);
        return latest.isBefore(capped) ? latest : capped;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The record's key; empty for a record without one (RecordMaker counts and skips it). */
    private Optional<String> keyOf(T model) {
        try {
            return Optional.of(report.format().key(model));
        } catch (MissingRecordKeyException e) {
            return Optional.empty();
        }
    }
}
