package io.kafkaconnect.cinnox.poll;

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
 * How a page of a windowed unit advances its cursor and ledgers: a main-pass page, a re-scan pass page (a
 * drifted page read again or halved), and when a re-scan tier is due. Which read comes next is the
 * {@link WindowedUnitPoller}'s decision; the reads here only compute the cursor after them.
 */
final class WindowReads<T> {

    private static final Logger log = LoggerFactory.getLogger(WindowReads.class);

    private final WorkUnit unit;
    private final TimeRange range;
    private final PollContext ctx;
    private final LedgerBook book;
    private final RescanSchedule schedule;
    private final WindowPageReader<T> pages;
    private final StepRecords.Heartbeats heartbeats;

    WindowReads(WorkUnit unit, TimeRange range, WindowedReport<T> report, LedgerBook book, PollContext ctx,
            StepRecords.Heartbeats heartbeats) {
        this.unit = unit;
        this.range = range;
        this.ctx = ctx;
        this.book = book;
        this.schedule = new RescanSchedule(ctx.late());
        this.pages = new WindowPageReader<>(report, ctx, book);
        this.heartbeats = heartbeats;
    }

    /** The most urgent re-scan tier due at {@code now}, if any: present exactly when {@link #rescanDueAt} is not after it. */
    Optional<RescanTier> dueTier(WindowCursor cursor, Instant now) {
        return schedule.due(cursor.late().rescan().lastRuns(), now, read(cursor), book.openBuckets());
    }

    /** When a re-scan tier is next due; {@link RescanSchedule#NEVER} when none has anything to read. */
    Instant rescanDueAt(WindowCursor cursor, Instant now) {
        return schedule.nextDueAt(cursor.late().rescan().lastRuns(), now, read(cursor), book.openBuckets());
    }

    /**
     * {@code plan} with every re-scan tier counted as run at {@code now} when it is the unit's very first
     * page (the main pass has read nothing, no tier ever ran, no seed is due); else {@code plan} itself. A
     * re-scan only looks for what changed after the main pass read it, and every row of the unit is read
     * at or after this page, so each tier's first pass is due one interval later, not at once when the
     * main pass catches up (which re-read the last day right after reading it: docs/design/connector.md,
     * "Wide windows"). A cursor stored without the stamp (an older offset, a first page never committed)
     * keeps the tiers due at once.
     */
    TimeWindowPlan<WindowCursor> firstRead(TimeWindowPlan<WindowCursor> plan, Instant now) {
        WindowCursor cursor = plan.cursor();
        RescanState rescan = cursor.late().rescan();
        boolean first = plan.pageOffset() == 0 && !plan.start().isAfter(range.start())
                && rescan.lastAt().isEmpty() && !rescan.running() && !rescan.seeding();
        if (!first) {
            return plan;
        }
        WindowCursor stamped = cursor.withLate(cursor.late().withRescan(rescan.allRanAt(now)));
        return new TimeWindowPlan<>(plan.start(), plan.end(), plan.pageOffset(), stamped);
    }

    /** Reads one page of the main window {@code plan} fixes. */
    WindowStep readMainPage(TimeWindowPlan<WindowCursor> plan, Instant now) {
        WindowCursor before = plan.cursor();
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
        log.debug("{} window {} offset {}: {} rows", unit, window, plan.pageOffset(), page.size());
        WindowStep step = commitPage(page, before, after);
        book.markRead(window, now);
        ctx.planner().limits().accepted(unit.report().apiName(), Duration.between(window.start(), window.end()));
        return step;
    }

    /**
     * Starts a pass of {@code tier} (the seed pass while {@code rescan} is seeding): the state with its first
     * window fixed, or the pass already finished when it has no window to read.
     */
    RescanState startPass(RescanTier tier, RescanState rescan, WindowCursor cursor, Instant now) {
        Span span = rescan.seeding() ? seedSpan(rescan, cursor, now)
                : schedule.span(tier, now, read(cursor), book.openBuckets());
        Optional<Span> first = schedule.nextWindow(tier, span, span.start(), book.openBuckets());
        RescanState started = rescan.started(tier, span, first.orElse(span), now);
        if (first.isEmpty()) {
            return started.finished();
        }
        log.debug("{}: {} re-scan of {}", unit, rescan.seeding() ? "seed" : tier.label(), span);
        return started;
    }

    /** Reads one page of the running pass's window; {@code before} holds the pass. */
    WindowStep readPassPage(WindowCursor before, Instant now) {
        RescanState rescan = before.late().rescan();
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
        WindowStep step = commitPage(page, before, before.withLate(before.late().withRescan(next)));
        book.markRead(w.span(), now);
        return step;
    }

    /** The span the main pass has read: from the range start to its position. */
    Span read(WindowCursor cursor) {
        Instant position = Instant.ofEpochMilli(cursor.windowStart());
        return new Span(range.start(), position.isAfter(range.start()) ? position : range.start());
    }

    private Span seedSpan(RescanState rescan, WindowCursor cursor, Instant now) {
        Instant from = ctx.late().settled(now).minus(ctx.late().reach());
        Instant until = Instant.ofEpochMilli(rescan.seedUntil());
        return new Span(from, until.isAfter(from) ? until : from).within(read(cursor));
    }

    private void drifted(Span window, long offset, String remedy) {
        ctx.stats().pageDrift();
        log.info("{}: rows moved between two pages of window {} (the page at offset {} did not start with the "
                + "previous page's last row); {}", unit, window, offset, remedy);
    }

    /** Builds the page's records (the unit children it queued kept in the cursor) and commits its ledger changes. */
    private WindowStep commitPage(WindowPageReader.Outcome page, WindowCursor before, WindowCursor after) {
        boolean queued = !page.unitChildren().isEmpty();
        WindowCursor next = queued ? after.withPending(page.unitChildren()) : after;
        Map<Bucket, BucketState> changed = page.sieve().changes();
        Map<Bucket, BucketState> previous = new HashMap<>();
        changed.keySet().forEach(b -> previous.put(b, book.state(b)));
        List<SourceRecord> records = page.records().build(ctx.maker(), unit, previous, changed, before, next,
                heartbeats, queued);
        page.sieve().commit();
        return new WindowStep(records, next);
    }
}
