package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LateCursor;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.PageDrift;
import io.kafkaconnect.cinnox.ledger.PassWindow;
import io.kafkaconnect.cinnox.ledger.RescanSchedule;
import io.kafkaconnect.cinnox.ledger.RescanState;
import io.kafkaconnect.cinnox.ledger.RescanTier;
import io.kafkaconnect.cinnox.ledger.Sieve;
import io.kafkaconnect.cinnox.ledger.Span;
import io.kafkaconnect.cinnox.offset.TrackedRecords;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one chunk of a windowed report: the main pass window by window and page by page, the child work of
 * the rows it emits, and re-scan passes that read already-read windows again for rows that appeared late
 * and versions that changed. What was sent lives in per-bucket ledgers (see docs/design/connector.md,
 * "Late data").
 */
final class WindowedUnitPoller<T> implements UnitPoller {

    private static final Logger log = LoggerFactory.getLogger(WindowedUnitPoller.class);

    private final WorkUnit unit;
    private final TimeRange range;
    private final PollContext ctx;
    private final LedgerBook book;
    private final RescanSchedule schedule;
    private final WindowPageReader<T> pages;
    private final UnitChildren children;
    private final ChildPrefetch ahead;
    private final StepRecords.Heartbeats heartbeats;
    private volatile WindowCursor cursor;

    /** {@code legacy}: the tracked records of an offset written before ledgers existed, empty for newer offsets. */
    WindowedUnitPoller(WorkUnit unit, WindowedReport<T> report, WindowCursor cursor, Optional<TrackedRecords> legacy,
            LedgerBook book,
            PollContext ctx) {
        this.unit = unit;
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.ctx = ctx;
        this.book = book;
        this.schedule = new RescanSchedule(ctx.late());
        this.pages = new WindowPageReader<>(report, ctx, book);
        this.heartbeats = ctx.heartbeats();
        this.ahead = new ChildPrefetch(ctx.children(), ctx.maxInFlight());
        this.children = new UnitChildren(unit, ctx, book, heartbeats, ahead);
        this.cursor = legacy.map(tracked -> LedgerUpgrade.upgrade(unit, cursor, tracked, range, book)).orElse(cursor);
    }

    @Override
    public WorkUnit unit() {
        return unit;
    }

    WindowCursor cursor() {
        return cursor;
    }

    @Override
    public Instant dueAt(Instant now) {
        if (cursor.done()) {
            return NEVER;
        }
        Instant due = workDueAt(now);
        Optional<Instant> late = book.nextLateDue();
        return late.isPresent() && late.get().isBefore(due) ? (late.get().isAfter(now) ? late.get() : now) : due;
    }

    /** When the unit has work other than late child work. */
    private Instant workDueAt(Instant now) {
        RescanState rescan = cursor.late().rescan();
        if (!cursor.pending().isEmpty() || book.firstPending().isPresent() || rescan.running() || rescan.seeding()) {
            return now;
        }
        WindowPlan<WindowCursor> plan = ctx.planner().plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan<WindowCursor>) {
            return now;
        }
        Instant rescanDue = schedule.nextDueAt(rescan.lastRuns(), now, read(), book.openBuckets());
        if (plan instanceof WindowPlan.NotDue<WindowCursor> notDue) {
            return notDue.dueAt().isBefore(rescanDue) ? notDue.dueAt() : rescanDue;
        }
        return rescanDue.equals(RescanSchedule.NEVER) ? now : rescanDue;
    }

    @Override
    public List<SourceRecord> step(Instant now) {
        book.prune(ctx.late(), now, Instant.ofEpochMilli(cursor.windowStart()));
        if (!cursor.pending().isEmpty()) {
            return commitUnit(children.readUnitChild(cursor));
        }
        Optional<Bucket> pendingBucket = book.firstPending();
        if (pendingBucket.isPresent()) {
            return children.readBucketChild(pendingBucket.get(), cursor, now);
        }
        Optional<Bucket> lateBucket = book.firstLateDue(now);
        if (lateBucket.isPresent()) {
            return children.readLateChild(lateBucket.get(), cursor, now);
        }
        WindowPlan<WindowCursor> plan = ctx.planner().plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan<WindowCursor> window) {
            return readMainPage(window, now);
        }
        RescanState rescan = cursor.late().rescan();
        if (rescan.running()) {
            return readPassPage(rescan, now);
        }
        Optional<RescanTier> due = rescan.seeding() ? Optional.of(RescanTier.HORIZON)
                : schedule.due(rescan.lastRuns(), now, read(), book.openBuckets());
        if (due.isPresent()) {
            return startPass(due.get(), rescan, now);
        }
        if (plan instanceof WindowPlan.MainPassFinished<WindowCursor> && finishable(now)) {
            return finish();
        }
        return List.of();
    }

    /**
     * Child steps apply pages fetched ahead on the poll thread, or wait for them; a main window wider than its
     * endpoint is known to take is a probe; every other step sends.
     */
    @Override
    public StepKind nextStep(Instant now) {
        List<ChildPrefetch.Key> wanted = ahead.wanted(cursor, book);
        if (!wanted.isEmpty()) {
            return ahead.kind(wanted);
        }
        WindowPlan<WindowCursor> plan = ctx.planner().plan(cursor, range, now);
        boolean untested = plan instanceof TimeWindowPlan<WindowCursor> window && ctx.planner().limits()
                .untested(unit.report().apiName(), Duration.between(window.start(), window.end()));
        return untested ? StepKind.PROBE : StepKind.REQUEST;
    }

    @Override
    public boolean sendAhead(Instant now, ConcurrentSteps.Sender sender) {
        return !cursor.done() && ahead.sendAhead(ahead.wanted(cursor, book), sender);
    }

    @Override
    public void cancelAhead() {
        ahead.cancel();
    }

    @Override
    public void windowTooWide() {
        RescanState rescan = cursor.late().rescan();
        if (rescan.running()) {
            PassWindow w = rescan.window();
            long half = Math.max(1, (w.end() - w.start()) / 2);
            cursor = cursor.withLate(cursor.late().withRescan(rescan.withWindow(
                    new PassWindow(w.start(), w.start() + half, 0, 0, w.restarts()))));
        } else if (cursor.windowFixed()) {
            cursor = ctx.planner().shrink(cursor).withLate(cursor.late().newWindow());
        }
        log.info("{}: CINNOX refused the window as too wide; reading it in halves", unit);
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
        RescanState rescan = cursor.late().rescan();
        return unit + " at " + Instant.ofEpochMilli(cursor.windowStart()) + " (+" + cursor.pageOffset() + ")"
                + (cursor.pending().isEmpty() ? "" : ", " + cursor.pending().size() + " children pending")
                + (rescan.running() ? ", " + rescan.tier().label() + " re-scan at " + rescan.window().span() : "")
                + ", ledgers " + book.summary() + (cursor.done() ? ", done" : "");
    }

    /** The span the main pass has read: from the range start to its position. */
    private Span read() {
        Instant position = Instant.ofEpochMilli(cursor.windowStart());
        return new Span(range.start(), position.isAfter(range.start()) ? position : range.start());
    }

    private List<SourceRecord> readMainPage(TimeWindowPlan<WindowCursor> plan, Instant now) {
        WindowCursor before = plan.cursor();
        cursor = before;
        LateCursor late = before.late();
        Span window = new Span(plan.start(), plan.end());
        WindowPageReader.Outcome page = pages.read(window, plan.pageOffset(), late.lastRow(), Sieve.Mode.MAIN, now);
        WindowCursor after;
        boolean moved = page.check() == PageDrift.Check.MOVED;
        if (moved && late.restarts() < PageDrift.MAX_RESTARTS) {
            drifted(window, plan.pageOffset(), "reading the window again from offset 0");
            after = before.restartWindow().withLate(late.withMain(0, late.restarts() + 1));
        } else if (moved && window.end().toEpochMilli() - window.start().toEpochMilli() >= 2) {
            drifted(window, plan.pageOffset(), "splitting the window in halves");
            after = before.windowSplit().withLate(late.newWindow());
        } else {
            long overlap = plan.pageOffset() - PageDrift.requestOffset(plan.pageOffset(), late.lastRow());
            after = before.nextPage((int) Math.max(0, page.size() - overlap))
                    .withLate(late.withMain(page.size() == 0 ? late.lastRow() : page.lastRow(), late.restarts()));
            if (page.last()) {
                after = after.windowFinished().withLate(after.late().newWindow());
            }
        }
        if (!page.unitChildren().isEmpty()) {
            after = after.withPending(page.unitChildren());
        }
        log.debug("{} window {} offset {}: {} rows", unit, window, plan.pageOffset(), page.size());
        List<SourceRecord> records = commitPage(page, before, after, !page.unitChildren().isEmpty());
        book.markRead(window, now);
        ctx.planner().limits().accepted(unit.report().apiName(), Duration.between(window.start(), window.end()));
        return records;
    }

    private List<SourceRecord> startPass(RescanTier tier, RescanState rescan, Instant now) {
        Span span = rescan.seeding() ? seedSpan(rescan, now) : schedule.span(tier, now, read(), book.openBuckets());
        Optional<Span> first = schedule.nextWindow(tier, span, span.start(), book.openBuckets());
        RescanState started = rescan.started(tier, span, first.orElse(span), now);
        if (first.isEmpty()) {
            cursor = cursor.withLate(cursor.late().withRescan(started.finished()));
            return List.of();
        }
        cursor = cursor.withLate(cursor.late().withRescan(started));
        log.debug("{}: {} re-scan of {}", unit, rescan.seeding() ? "seed" : tier.label(), span);
        return readPassPage(started, now);
    }

    private Span seedSpan(RescanState rescan, Instant now) {
        Instant from = ctx.late().settled(now).minus(ctx.late().reach());
        Instant until = Instant.ofEpochMilli(rescan.seedUntil());
        return new Span(from, until.isAfter(from) ? until : from).within(read());
    }

    private List<SourceRecord> readPassPage(RescanState rescan, Instant now) {
        WindowCursor before = cursor;
        PassWindow w = rescan.window();
        Sieve.Mode mode = rescan.seeding() ? Sieve.Mode.SEED : Sieve.Mode.RESCAN;
        WindowPageReader.Outcome page = pages.read(w.span(), w.offset(), w.lastRow(), mode, now);
        RescanState next;
        boolean moved = page.check() == PageDrift.Check.MOVED;
        if (moved && w.mayRestart()) {
            drifted(w.span(), w.offset(), "reading the window again from offset 0");
            next = rescan.withWindow(w.restarted());
        } else if (moved && w.end() - w.start() >= 2) {
            drifted(w.span(), w.offset(), "splitting the window in halves");
            next = rescan.withWindow(new PassWindow(w.start(), w.start() + (w.end() - w.start()) / 2, 0, 0, 0));
        } else if (page.last()) {
            Optional<Span> following = schedule.nextWindow(rescan.tier(), new Span(w.span().end(), rescan.passEndAt()),
                    w.span().end(), book.openBuckets());
            next = following.map(s -> rescan.withWindow(PassWindow.of(s))).orElseGet(rescan::finished);
        } else {
            next = rescan.withWindow(w.pageRead(page.size(), page.lastRow()));
        }
        WindowCursor after = before.withLate(before.late().withRescan(next));
        if (!page.unitChildren().isEmpty()) {
            after = after.withPending(page.unitChildren());
        }
        List<SourceRecord> records = commitPage(page, before, after, !page.unitChildren().isEmpty());
        book.markRead(w.span(), now);
        return records;
    }

    private void drifted(Span window, long offset, String remedy) {
        ctx.stats().pageDrift();
        log.info("{}: rows moved between two pages of window {} (the page at offset {} did not start with the "
                + "previous page's last row); {}", unit, window, offset, remedy);
    }

    private List<SourceRecord> commitPage(WindowPageReader.Outcome page, WindowCursor before, WindowCursor after,
            boolean mustKeep) {
        Map<Bucket, BucketState> changed = page.sieve().changes();
        Map<Bucket, BucketState> previous = new HashMap<>();
        changed.keySet().forEach(b -> previous.put(b, book.state(b)));
        List<SourceRecord> records = page.records().build(ctx.maker(), unit, previous, changed, before, after,
                heartbeats, mustKeep);
        page.sieve().commit();
        cursor = after;
        return records;
    }

    private List<SourceRecord> commitUnit(UnitChildren.Step step) {
        cursor = step.after();
        return step.records();
    }

    private boolean finishable(Instant now) {
        RescanState rescan = cursor.late().rescan();
        return cursor.pending().isEmpty() && book.firstPending().isEmpty() && book.nextLateDue().isEmpty()
                && !rescan.running() && !rescan.seeding()
                && schedule.nextDueAt(rescan.lastRuns(), now, read(), book.openBuckets()).equals(RescanSchedule.NEVER);
    }

    private List<SourceRecord> finish() {
        WindowCursor after = cursor.unitFinished();
        log.info("{}: finished", unit);
        List<SourceRecord> records = new LedgerRecords().build(ctx.maker(), unit, Map.of(), Map.of(), cursor, after,
                heartbeats, true);
        cursor = after;
        return records;
    }
}
