package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.PassWindow;
import io.kafkaconnect.cinnox.ledger.RescanSchedule;
import io.kafkaconnect.cinnox.ledger.RescanState;
import io.kafkaconnect.cinnox.ledger.RescanTier;
import io.kafkaconnect.cinnox.offset.TrackedRecords;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.WindowedReport;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one chunk of a windowed report: the main pass window by window and page by page, the child work of
 * the rows it emits, and re-scan passes that read already-read windows again for rows that appeared late
 * and versions that changed. This class decides what is due; {@link WindowReads} and {@link UnitChildren}
 * read it. What was sent lives in per-bucket ledgers (see docs/design/connector.md, "Late data").
 */
final class WindowedUnitPoller<T> extends CursorPoller<WindowCursor> {

    private static final Logger log = LoggerFactory.getLogger(WindowedUnitPoller.class);

    private final TimeRange range;
    private final LedgerBook book;
    private final WindowReads<T> reads;
    private final UnitChildren children;
    private final ChildPrefetch ahead;

    /** {@code legacy}: the tracked records of an offset written before ledgers existed, empty for newer offsets. */
    WindowedUnitPoller(WorkUnit unit, WindowedReport<T> report, WindowCursor cursor, Optional<TrackedRecords> legacy,
            LedgerBook book, PollContext ctx) {
        super(unit, cursor, ctx);
        this.range = TimeRange.of(unit, ctx.historyStart());
        this.book = book;
        this.reads = new WindowReads<>(unit, range, report, book, ctx, heartbeats);
        this.ahead = new ChildPrefetch(ctx.children(), ctx.maxInFlight());
        this.children = new UnitChildren(unit, ctx, book, heartbeats, ahead);
        this.cursor = legacy.map(tracked -> LedgerUpgrade.upgrade(unit, cursor, tracked, range, book)).orElse(cursor);
    }

    /**
     * In this order: the unit's own pending child, a bucket's pending child, the late child due soonest, the
     * main window's next page, the running re-scan pass, a due re-scan tier; else wait for the soonest of the
     * main window, a re-scan tier and a late child, or finish when none of them will come.
     */
    @Override
    protected Next next(Instant now) {
        if (cursor.done()) {
            return new Wait(NEVER);
        }
        if (!cursor.pending().isEmpty()) {
            return new Read(() -> take(children.readUnitChild(cursor)), this::childKind);
        }
        Optional<Bucket> pending = book.firstPending();
        if (pending.isPresent()) {
            return new Read(() -> children.readBucketChild(pending.get(), cursor, now), this::childKind);
        }
        Optional<Bucket> late = book.firstLateDue(now);
        if (late.isPresent()) {
            return new Read(() -> children.readLateChild(late.get(), cursor, now));
        }
        WindowPlan<WindowCursor> plan = ctx.planner().plan(cursor, range, now);
        if (plan instanceof TimeWindowPlan<WindowCursor> window) {
            return new Read(() -> readMainPage(window, now), () -> mainKind(window));
        }
        RescanState rescan = cursor.late().rescan();
        if (rescan.running()) {
            return new Read(() -> take(reads.readPassPage(cursor, now)));
        }
        Optional<RescanTier> due = rescan.seeding() ? Optional.of(RescanTier.HORIZON) : reads.dueTier(cursor, now);
        if (due.isPresent()) {
            return new Read(() -> startPass(due.get(), now));
        }
        return waitOrFinish(plan, now);
    }

    /** Nothing to read now: wait for the soonest of what comes, or finish when nothing will. */
    private Next waitOrFinish(WindowPlan<WindowCursor> plan, Instant now) {
        Instant rescanDue = reads.rescanDueAt(cursor, now);
        Optional<Instant> late = book.nextLateDue();
        Instant until = late.isPresent() && late.get().isBefore(rescanDue) ? late.get() : rescanDue;
        if (plan instanceof WindowPlan.NotDue<WindowCursor> notDue) {
            return new Wait(notDue.dueAt().isBefore(until) ? notDue.dueAt() : until);
        }
        return late.isEmpty() && rescanDue.equals(RescanSchedule.NEVER) ? new Read(this::finish) : new Wait(until);
    }

    /** Forgets, in memory, the ledger entries no read can need any more. */
    @Override
    protected void beforeStep(Instant now) {
        book.prune(ctx.late(), now, Instant.ofEpochMilli(cursor.windowStart()));
    }

    /** A child step applies the page fetched ahead on the poll thread, or waits for it. */
    private StepKind childKind() {
        return ahead.kind(ahead.wanted(cursor, book));
    }

    /** A main window wider than its endpoint is known to take is a probe. */
    private StepKind mainKind(TimeWindowPlan<WindowCursor> window) {
        boolean untested = ctx.planner().limits()
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

    /**
     * The window is fixed from now on, so a too-wide answer halves this very window. The unit's first page
     * counts every re-scan tier as run (see {@link WindowReads#firstRead}).
     */
    private List<SourceRecord> readMainPage(TimeWindowPlan<WindowCursor> plan, Instant now) {
        TimeWindowPlan<WindowCursor> read = reads.firstRead(plan, now);
        cursor = read.cursor();
        return take(reads.readMainPage(read, now));
    }

    /** The pass's first window is fixed before it is read, so a too-wide answer halves that window. */
    private List<SourceRecord> startPass(RescanTier tier, Instant now) {
        RescanState started = reads.startPass(tier, cursor.late().rescan(), cursor, now);
        cursor = cursor.withLate(cursor.late().withRescan(started));
        return started.running() ? take(reads.readPassPage(cursor, now)) : List.of();
    }

    private List<SourceRecord> take(WindowStep step) {
        cursor = step.after();
        return step.records();
    }

    private List<SourceRecord> finish() {
        log.info("{}: finished", unit);
        return commit(new StepRecords(), cursor, cursor.unitFinished(), true);
    }
}
