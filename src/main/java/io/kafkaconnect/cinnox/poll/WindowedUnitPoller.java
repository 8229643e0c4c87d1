package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.offset.PagedWindow;
import io.kafkaconnect.cinnox.offset.TrackedVersion;
import io.kafkaconnect.cinnox.offset.TrackedVersions;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.ChatOverLimitException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.TimeWindow;
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
final class WindowedUnitPoller<T> extends RangePoller {

    private static final Logger log = LoggerFactory.getLogger(WindowedUnitPoller.class);

    private final WindowedReport<T> report;

    WindowedUnitPoller(WorkUnit unit, WindowedReport<T> report, UnitCursor cursor, PollContext ctx) {
        super(unit, cursor, ctx, ctx.planner());
        this.report = report;
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
    public String progress() {
        return unit + " at " + Instant.ofEpochMilli(cursor.windowStart()) + " (+" + cursor.pageOffset() + ")"
                + (cursor.pending().isEmpty() ? "" : ", " + cursor.pending().size() + " children pending")
                + (cursor.tracked().isEmpty() ? "" : ", " + cursor.tracked().size() + " tracked")
                + (cursor.done() ? ", done" : "");
    }

    @Override
    protected List<SourceRecord> readWindow(TimeWindowPlan plan, Instant now) {
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
        log.debug("{} window {} offset {}: {} records", unit, window, plan.pageOffset(), page.size());
        return commit(out, before, withChildren(after, children), false);
    }

    @Override
    protected List<SourceRecord> readChild() {
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
            if (!Skips.badParameter(e)) {
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

    @Override
    protected List<SourceRecord> readSweep(UnitCursor before, UnitCursor current, Instant now) {
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
        return commit(out, before, withChildren(after, children), false);
    }

    private UnitCursor resweep(StepRecords out, UnitCursor after, T model, Instant now, List<String> children) {
        Optional<String> key = Skips.key(report.format(), model);
        if (key.isEmpty()) {
            return after;
        }
        TrackedVersion tracked = after.tracked().get(key.get());
        if (tracked == null || TrackedVersions.same(tracked.version(), report.format().version(model))) {
            return after;
        }
        out.add(report.format(), model);
        return remember(after, model, now, TrackedVersions.emittedAt(tracked.version()), children);
    }

    @Override
    protected void finished() {
        log.info("{}: finished", unit);
    }

    /** Tracks a just-emitted record while it may still change, and queues its child work. */
    private UnitCursor remember(UnitCursor after, T model, Instant now, long previousEmitMs, List<String> children) {
        Optional<String> key = Skips.key(report.format(), model);
        if (key.isEmpty()) {
            return after;
        }
        String id = key.get();
        ctx.children().childOf(unit.report(), model, previousEmitMs).ifPresent(child -> children.add(child.encode()));
        Optional<Instant> windowTime = report.format().eventTime(model);
        boolean mayChange = !report.format().isFinal(model) && !ctx.lookback().isZero() && windowTime.isPresent()
                && windowTime.get().isAfter(now.minus(ctx.lookback()));
        if (mayChange) {
            return after.track(id, TrackedVersions.tracked(report.format().version(model), now), windowTime.get());
        }
        return after.tracked().containsKey(id) ? after.untrack(id) : after;
    }

    private static UnitCursor withChildren(UnitCursor after, List<String> children) {
        return children.isEmpty() ? after : after.withPending(children);
    }

    @Override
    protected Instant sweepEnd(UnitCursor cursor, Instant from) {
        Instant latest = cursor.tracked().values().stream().map(TrackedVersion::windowTime)
                .max(Instant::compareTo).orElse(from).plusMillis(1);
        Instant capped = from.plus(PollContext.SWEEP_WINDOW_MAX);
        return latest.isBefore(capped) ? latest : capped;
    }
}
