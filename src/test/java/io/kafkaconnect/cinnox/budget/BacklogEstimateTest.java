package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LedgerTally;
import io.kafkaconnect.cinnox.offset.DailyCursor;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.Chunk;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BacklogEstimateTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration HOUR = Duration.ofHours(1);
    /** A whole 7-day chunk of the past: 2025-12-25 to 2026-01-01. */
    private static final Chunk OLD = Chunk.containing(NOW.minus(Duration.ofDays(12)), WEEK);

    private static BacklogEstimate estimate() {
        return new BacklogEstimate(NOW.minus(Duration.ofDays(30)), Duration.ofMinutes(2), 500);
    }

    private static WorkUnit unit(Report report) {
        return new WorkUnit("app", report, OLD);
    }

    /** The main pass read the chunk's first two days (480 rows, 10 an hour); its window starts at the chunk. */
    private static WindowCursor firstPageRead() {
        return WindowCursor.fresh().startWindow(OLD.start(), OLD.end()).nextPage(480);
    }

    /** 10 rows an hour over the first 48 hours, each bucket with {@code queued} children still queued. */
    private static List<LedgerTally> twoDays(int firstQueued, int queued) {
        List<LedgerTally> buckets = new ArrayList<>();
        Bucket bucket = Bucket.of(OLD.start(), HOUR);
        for (int h = 0; h < 7 * 24; h++, bucket = bucket.next()) {
            boolean read = h < 48;
            buckets.add(new LedgerTally(bucket, read ? 10 : 0, !read ? 0 : h == 0 ? firstQueued : queued));
        }
        return buckets;
    }

    @Test
    void theChildrenQueuedAndThoseOfTheRowsLeftWeighMostForAReportWithChildren() {
        WorkUnit enquiries = unit(Report.ENQUIRY_DETAIL);
        OptionalLong left = estimate().requestsLeft(enquiries, firstPageRead(), twoDays(3, 10), NOW);
        // Queued: 3 + 47 x 10 = 473; rows left: 480 x 5 days / 2 days = 1,200, one chat each, in 3 pages.
        assertEquals(OptionalLong.of(473 + 1_200 + 3), left);
    }

    @Test
    void aReportWithoutChildrenHasOnlyItsPagesLeft() {
        WorkUnit sms = unit(Report.SMS_DETAIL);
        assertEquals(OptionalLong.of(3), estimate().requestsLeft(sms, firstPageRead(), twoDays(0, 0), NOW));
    }

    @Test
    void childrenPerRowAreRememberedWhileTheUnitShowsNoneQueued() {
        BacklogEstimate estimate = estimate();
        WorkUnit enquiries = unit(Report.ENQUIRY_DETAIL);
        estimate.requestsLeft(enquiries, firstPageRead(), twoDays(3, 5), NOW);
        OptionalLong afterTheChats = estimate.requestsLeft(enquiries, firstPageRead(), twoDays(0, 0), NOW);
        assertEquals(OptionalLong.of(600 + 3), afterTheChats, "half a chat a row, as seen before: 1,200 rows left");
        WorkUnit other = unit(Report.CALL_DETAIL);
        assertEquals(OptionalLong.of(3), estimate.requestsLeft(other, firstPageRead(), twoDays(0, 0), NOW),
                "what one unit showed says nothing of another");
    }

    @Test
    void theOldestBucketStillQueuingIsLeftOutOfTheFigureUnlessItIsTheOnlyOne() {
        BacklogEstimate estimate = estimate();
        WorkUnit enquiries = unit(Report.ENQUIRY_DETAIL);
        List<LedgerTally> one = new ArrayList<>(twoDays(0, 0));
        one.set(47, new LedgerTally(one.get(47).bucket(), 10, 2));
        assertEquals(0.2, estimate.childrenPerRow(enquiries, one), 1e-9);
        assertEquals(1.0, estimate.childrenPerRow(enquiries, twoDays(1, 10)), 1e-9);
        assertEquals(1.0, estimate.childrenPerRow(enquiries, one), 1e-9, "a bucket being read shows a lower bound");
    }

    @Test
    void theHoursWithoutAChildCountTheirRows() {
        WorkUnit calls = unit(Report.CALL_DETAIL);
        List<LedgerTally> everyOtherHour = new ArrayList<>(twoDays(0, 0));
        for (int h = 0; h < 48; h += 2) {
            everyOtherHour.set(h, new LedgerTally(everyOtherHour.get(h).bucket(), 10, 2));
        }
        assertEquals(2.0 * 23 / (10 * 47), estimate().childrenPerRow(calls, everyOtherHour), 1e-9,
                "the rows after the oldest hour queuing, those of the hours with no recording too");
        List<LedgerTally> lastHour = new ArrayList<>(twoDays(0, 0));
        lastHour.set(40, new LedgerTally(lastHour.get(40).bucket(), 10, 4));
        assertEquals(4.0 / 80, estimate().childrenPerRow(calls, lastHour), 1e-9,
                "a single hour queuing counts with the hours after it");
    }

    @Test
    void aWindowedUnitWithNothingStoredIsNotSizedYet() {
        WorkUnit calls = unit(Report.CALL_LOG);
        assertEquals(OptionalLong.empty(), estimate().requestsLeft(calls, null, List.of(), NOW));
        assertEquals(OptionalLong.empty(), estimate().requestsLeft(calls, WindowCursor.fresh(), twoDays(0, 0).subList(100, 168), NOW));
    }

    @Test
    void aMainPassThatHasReadItsRangeHasOnlyItsQueuedChildrenLeft() {
        WorkUnit enquiries = unit(Report.ENQUIRY_DETAIL);
        WindowCursor allRead = WindowCursor.fresh().startWindow(OLD.start(), OLD.end()).nextPage(40).windowFinished();
        List<LedgerTally> last = new ArrayList<>(twoDays(0, 0));
        last.set(167, new LedgerTally(last.get(167).bucket(), 10, 7));
        assertEquals(OptionalLong.of(7), estimate().requestsLeft(enquiries, allRead, last, NOW));
    }

    @Test
    void aDailyUnitHasADayLeftForEachDayNotRead() {
        WorkUnit overview = unit(Report.ENQUIRY_OVERVIEW);
        DailyCursor twoDaysIn = DailyCursor.fresh().startWindow(OLD.start(), OLD.start().plus(Duration.ofDays(2)))
                .windowFinished();
        assertEquals(OptionalLong.of(5), estimate().requestsLeft(overview, twoDaysIn, List.of(), NOW));
        assertTrue(estimate().requestsLeft(overview, null, List.of(), NOW).getAsLong() >= 7);
    }

    @Test
    void aUnitThatHasReadNothingIsSizedByWhatAUnitOfItsReportShowed() {
        BacklogEstimate estimate = estimate();
        WorkUnit next = new WorkUnit("app", Report.ENQUIRY_DETAIL, Chunk.containing(OLD.end(), WEEK));
        assertEquals(OptionalLong.empty(), estimate.requestsLeft(next, null, List.of(), NOW), "nothing known yet");
        estimate.requestsLeft(unit(Report.ENQUIRY_DETAIL), firstPageRead(), twoDays(3, 10), NOW);
        // 10 rows an hour over 168 hours in 4 pages, a chat each.
        assertEquals(OptionalLong.of(1_680 + 4), estimate.requestsLeft(next, null, List.of(), NOW));
        assertEquals(OptionalLong.empty(), estimate.requestsLeft(new WorkUnit("app", Report.CALL_DETAIL, next.chunk()),
                null, List.of(), NOW), "another report");
        assertEquals(OptionalLong.empty(), estimate.requestsLeft(new WorkUnit("other", Report.ENQUIRY_DETAIL,
                next.chunk()), null, List.of(), NOW), "another App");
    }

    @Test
    void childrenPerRowAreRememberedFromTheWidestViewNotFromTheLastBucketsOfAPage() {
        BacklogEstimate estimate = estimate();
        WorkUnit enquiries = unit(Report.ENQUIRY_DETAIL);
        assertEquals(1.0, estimate.childrenPerRow(enquiries, twoDays(1, 10)), 1e-9, "470 rows, a chat each");
        List<LedgerTally> draining = new ArrayList<>(twoDays(0, 0));
        draining.set(45, new LedgerTally(draining.get(45).bucket(), 10, 1));
        draining.set(46, new LedgerTally(draining.get(46).bucket(), 10, 2));
        draining.set(47, new LedgerTally(draining.get(47).bucket(), 10, 2));
        assertEquals(1.0, estimate.childrenPerRow(enquiries, draining), 1e-9,
                "the youngest buckets of a page (open enquiries, no chat yet) say less than the page");
        assertEquals(0.5, estimate.childrenPerRow(enquiries, twoDays(1, 5)), 1e-9, "a page as wide replaces it");
    }
}
