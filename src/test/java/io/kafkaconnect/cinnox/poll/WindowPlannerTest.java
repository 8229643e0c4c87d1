package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration MAX = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final WorkUnit UNIT = new WorkUnit("app1", Report.ENQUIRY_DETAIL, Chunk.containing(T0, WEEK));
    private static final TimeRange RANGE = TimeRange.of(UNIT, T0);
    private static final Instant LONG_AFTER = T0.plus(Duration.ofDays(30));

    private final WindowPlanner planner = new WindowPlanner(SETTLE, MAX, POLL);

    @Test
    void freshCursorStartsAtTheRangeStartWithAFullWindow() {
        TimeWindowPlan<WindowCursor> plan = query(WindowCursor.fresh(), LONG_AFTER);
        assertEquals(T0, plan.start());
        assertEquals(T0.plus(MAX), plan.end());
        assertEquals(0, plan.pageOffset());
        assertTrue(plan.cursor().windowFixed());
        assertEquals(T0.plus(MAX).toEpochMilli(), plan.cursor().windowEnd());
    }

    @Test
    void nothingAfterNowMinusSettleIsQueried() {
        Instant now = T0.plus(Duration.ofMinutes(20));
        TimeWindowPlan<WindowCursor> plan = query(WindowCursor.fresh(), now);
        assertEquals(now.minus(SETTLE), plan.end());
    }

    @Test
    void settleBoundaryIsExact() {
        Instant dueAt = T0.plus(POLL).plus(SETTLE);
        assertEquals(new WindowPlan.NotDue(dueAt), planner.plan(WindowCursor.fresh(), RANGE, dueAt.minusMillis(1)));
        TimeWindowPlan<WindowCursor> plan = query(WindowCursor.fresh(), dueAt);
        assertEquals(T0.plus(POLL), plan.end());
    }

    @Test
    void noTinyWindowsEveryPoll() {
        WindowCursor caughtUp = query(WindowCursor.fresh(), T0.plus(Duration.ofMinutes(12))).cursor().windowFinished();
        assertEquals(T0.plus(Duration.ofMinutes(10)).toEpochMilli(), caughtUp.windowStart());
        WindowPlan<WindowCursor> plan = planner.plan(caughtUp, RANGE, T0.plus(Duration.ofMinutes(13)));
        assertEquals(new WindowPlan.NotDue(T0.plus(Duration.ofMinutes(17))), plan);
    }

    @Test
    void windowStopsAtTheChunkEndEvenWhenShort() {
        Instant last = RANGE.end().minus(Duration.ofMinutes(1));
        WindowCursor nearEnd = WindowCursor.fresh().startWindow(T0, last).windowFinished();
        TimeWindowPlan<WindowCursor> plan = query(nearEnd, LONG_AFTER);
        assertEquals(last, plan.start());
        assertEquals(RANGE.end(), plan.end());
        assertInstanceOf(WindowPlan.MainPassFinished.class,
                planner.plan(plan.cursor().windowFinished(), RANGE, LONG_AFTER));
    }

    @Test
    void shortLastWindowWaitsOnlyForItsOwnSettling() {
        Instant last = RANGE.end().minus(Duration.ofMinutes(1));
        WindowCursor nearEnd = WindowCursor.fresh().startWindow(T0, last).windowFinished();
        assertEquals(new WindowPlan.NotDue(RANGE.end().plus(SETTLE)), planner.plan(nearEnd, RANGE, RANGE.end()));
    }

    @Test
    void unfinishedWindowIsResumedExactly() {
        WindowCursor paging = query(WindowCursor.fresh(), T0.plus(Duration.ofMinutes(30))).cursor().nextPage(500);
        TimeWindowPlan<WindowCursor> resumed = query(WindowCursor.fromOffset(paging.toOffset()), LONG_AFTER);
        assertEquals(T0, resumed.start());
        assertEquals(T0.plus(Duration.ofMinutes(28)), resumed.end());
        assertEquals(500, resumed.pageOffset());
        assertEquals(paging, resumed.cursor());
    }

    @Test
    void fixedWindowIsNotQueriedBeforeItSettles() {
        WindowCursor fixed = WindowCursor.fresh().startWindow(T0, T0.plus(MAX));
        assertEquals(new WindowPlan.NotDue(T0.plus(MAX).plus(SETTLE)), planner.plan(fixed, RANGE, T0.plus(MAX)));
    }

    @Test
    void historyStartInsideTheChunkCutsTheRange() {
        Instant history = T0.plus(Duration.ofDays(2)).plusSeconds(7);
        TimeWindowPlan<WindowCursor> plan = query(WindowCursor.fresh(), TimeRange.of(UNIT, history), LONG_AFTER);
        assertEquals(history, plan.start());
    }

    @Test
    void historyStartAfterTheChunkLeavesNothing() {
        TimeRange empty = TimeRange.of(UNIT, LONG_AFTER);
        assertTrue(empty.isEmpty());
        assertInstanceOf(WindowPlan.MainPassFinished.class, planner.plan(WindowCursor.fresh(), empty, LONG_AFTER));
    }

    @Test
    void shrinkHalvesTheWindowAndCapsLaterOnes() {
        TimeWindowPlan<WindowCursor> wide = query(WindowCursor.fresh(), LONG_AFTER);
        WindowCursor shrunk = planner.shrink(wide.cursor());
        TimeWindowPlan<WindowCursor> retry = query(shrunk, LONG_AFTER);
        assertEquals(T0, retry.start());
        assertEquals(T0.plus(MAX.dividedBy(2)), retry.end());
        assertEquals(0, retry.pageOffset());
        TimeWindowPlan<WindowCursor> next = query(WindowCursor.fromOffset(retry.cursor().windowFinished().toOffset()), LONG_AFTER);
        assertEquals(T0.plus(MAX.dividedBy(2)), next.start());
        assertEquals(T0.plus(MAX), next.end());
        assertEquals(MAX.dividedBy(2), planner.windowLength(next.cursor()));
    }

    @Test
    void shrunkWindowsBelowThePollIntervalAreStillDue() {
        WindowCursor cursor = query(WindowCursor.fresh(), LONG_AFTER).cursor();
        for (int i = 0; i < 6; i++) {
            cursor = planner.shrink(cursor);
        }
        assertTrue(planner.windowLength(cursor).compareTo(POLL) < 0);
        TimeWindowPlan<WindowCursor> next = query(cursor.windowFinished(), LONG_AFTER);
        assertEquals(planner.windowLength(cursor), Duration.between(next.start(), next.end()));
    }

    @Test
    void aLowerConfiguredMaximumBeatsTheStoredLimit() {
        WindowCursor shrunk = planner.shrink(query(WindowCursor.fresh(), LONG_AFTER).cursor()).windowFinished();
        WindowPlanner stricter = new WindowPlanner(SETTLE, Duration.ofMinutes(10), POLL);
        assertEquals(Duration.ofMinutes(10), stricter.windowLength(shrunk));
    }

    @Test
    void backfillWindowsAreAsWideAsTheChunkAndLiveOnesAsBefore() {
        WindowPlanner wide = new WindowPlanner(SETTLE, Duration.ofDays(90), POLL);
        TimeWindowPlan<WindowCursor> backfill = query(wide, WindowCursor.fresh(), RANGE, LONG_AFTER);
        assertEquals(RANGE.start(), backfill.start());
        assertEquals(RANGE.end(), backfill.end(), "one window for the whole chunk");
        Instant now = T0.plus(Duration.ofMinutes(20));
        WindowCursor caughtUp = query(wide, WindowCursor.fresh(), RANGE, now).cursor().windowFinished();
        assertEquals(now.minus(SETTLE).toEpochMilli(), caughtUp.windowStart(), "the live window ends at settled time");
        assertEquals(new WindowPlan.NotDue(now.minus(SETTLE).plus(POLL).plus(SETTLE)),
                wide.plan(caughtUp, RANGE, now.plusSeconds(1)), "and the next waits for the poll interval");
    }

    @Test
    void theDaysCinnoxNamesNarrowTheWindowOnceForEveryUnitOfTheEndpoint() {
        WindowPlanner task = new WindowPlanner(SETTLE, Duration.ofDays(90), POLL);
        WindowPlanner calls = task.forEndpoint("call-log");
        WindowPlanner other = task.forEndpoint("call-log");
        WindowPlanner sms = task.forEndpoint("sms-detail");
        TimeWindowPlan<WindowCursor> refused = query(calls, WindowCursor.fresh(), RANGE, LONG_AFTER);

        task.limits().learnDays("call-log", java.util.OptionalInt.of(3));
        TimeWindowPlan<WindowCursor> retry = query(calls, calls.shrink(refused.cursor()), RANGE, LONG_AFTER);
        assertEquals(T0, retry.start());
        assertEquals(T0.plus(Duration.ofDays(3)), retry.end());
        assertEquals(Duration.ofDays(3), other.windowLength(WindowCursor.fresh()), "the other units learnt it too");
        assertEquals(Duration.ofDays(90), sms.windowLength(WindowCursor.fresh()), "other endpoints did not");

        TimeWindowPlan<WindowCursor> halved = query(calls, calls.shrink(retry.cursor()), RANGE, LONG_AFTER);
        assertEquals(T0.plus(Duration.ofHours(36)), halved.end(), "N days refused as well: halved");
    }

    @Test
    void aLimitStoredInTheCursorStillCapsAnEndpointPlanner() {
        WindowPlanner calls = new WindowPlanner(SETTLE, Duration.ofDays(90), POLL).forEndpoint("call-log");
        WindowCursor limited = calls.shrink(query(calls, WindowCursor.fresh(), RANGE, LONG_AFTER).cursor()).windowFinished();
        WindowPlanner fresh = new WindowPlanner(SETTLE, Duration.ofDays(90), POLL).forEndpoint("call-log");
        assertEquals(Duration.ofMillis(RANGE.length().toMillis() / 2), fresh.windowLength(limited));
    }

    @Test
    void cannotShrinkWithoutAWindow() {
        assertThrows(IllegalStateException.class, () -> planner.shrink(WindowCursor.fresh()));
    }

    @Test
    void inclusiveApiEndsOneMillisecondEarly() {
        Instant end = T0.plus(MAX);
        assertEquals(end.minusMillis(1), WindowPlanner.apiEnd(end, true));
        assertEquals(end, WindowPlanner.apiEnd(end, false));
        assertEquals(end.minusMillis(1), query(WindowCursor.fresh(), LONG_AFTER).apiEnd(true));
    }

    @Test
    void dailyWindowsAreWholeSettledDays() {
        WorkUnit overview = new WorkUnit("app1", Report.ENQUIRY_OVERVIEW, Chunk.containing(T0, WEEK));
        TimeRange range = TimeRange.of(overview, T0.plus(Duration.ofHours(30)));
        assertEquals(T0.plus(Duration.ofDays(1)), range.start());
        WindowPlanner daily = WindowPlanner.daily(Duration.ofHours(1));
        Instant dayOver = T0.plus(Duration.ofDays(2));
        assertEquals(new WindowPlan.NotDue(dayOver.plus(Duration.ofHours(1))),
                daily.plan(WindowCursor.fresh(), range, dayOver));
        TimeWindowPlan<WindowCursor> plan = query(daily, WindowCursor.fresh(), range, dayOver.plus(Duration.ofHours(1)));
        assertEquals(T0.plus(Duration.ofDays(1)), plan.start());
        assertEquals(dayOver, plan.end());
    }

    @Test
    void pollingAlongTheClockCoversTheRangeExactlyOnce() {
        WindowCursor cursor = WindowCursor.fresh();
        List<TimeWindowPlan<WindowCursor>> queried = new ArrayList<>();
        for (Instant now = T0; now.isBefore(RANGE.end().plus(Duration.ofHours(1))); now = now.plusSeconds(37)) {
            WindowPlan<WindowCursor> plan = planner.plan(cursor, RANGE, now);
            if (plan instanceof TimeWindowPlan<WindowCursor> window) {
                assertFalse(window.end().isAfter(now.minus(SETTLE)), window + " at " + now);
                queried.add(window);
                cursor = window.cursor().nextPage(3).windowFinished();
            }
        }
        assertEquals(RANGE.start(), queried.get(0).start());
        assertEquals(RANGE.end(), queried.get(queried.size() - 1).end());
        for (int i = 1; i < queried.size(); i++) {
            assertEquals(queried.get(i - 1).end(), queried.get(i).start());
            Duration length = Duration.between(queried.get(i).start(), queried.get(i).end());
            assertTrue(length.compareTo(POLL) >= 0 || i == queried.size() - 1, queried.get(i).toString());
            assertTrue(length.compareTo(MAX) <= 0, queried.get(i).toString());
        }
        assertInstanceOf(WindowPlan.MainPassFinished.class, planner.plan(cursor, RANGE, LONG_AFTER));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WindowPlanner(SETTLE.negated(), MAX, POLL));
        assertThrows(IllegalArgumentException.class, () -> new WindowPlanner(SETTLE, Duration.ZERO, POLL));
        assertThrows(IllegalArgumentException.class, () -> new WindowPlanner(SETTLE, MAX, POLL.negated()));
    }

    private TimeWindowPlan<WindowCursor> query(WindowCursor cursor, Instant now) {
        return query(cursor, RANGE, now);
    }

    private TimeWindowPlan<WindowCursor> query(WindowCursor cursor, TimeRange range, Instant now) {
        return query(planner, cursor, range, now);
    }

    private static TimeWindowPlan<WindowCursor> query(WindowPlanner planner, WindowCursor cursor, TimeRange range, Instant now) {
        WindowPlan<WindowCursor> plan = planner.plan(cursor, range, now);
        return (TimeWindowPlan<WindowCursor>) assertInstanceOf(TimeWindowPlan.class, plan, plan.toString());
    }
}
