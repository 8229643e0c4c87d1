package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LateChildPolicyTest {

    private static final Instant CALL_HOUR_END = Instant.parse("2026-01-10T01:00:00Z");
    private final LateChildPolicy policy = LateChildPolicy.DEFAULT;

    @Test
    void aMissingRecordingOfARecentCallIsAskedAgainWithDoublingWaitsUntilItsDeadline() {
        Instant now = CALL_HOUR_END.minus(Duration.ofMinutes(20));
        LateChildPolicy.Decision first = policy.recordingMissing("call:C1", Optional.empty(), CALL_HOUR_END, now);
        LateChild late = assertInstanceOf(LateChildPolicy.Retry.class, first).late();
        assertEquals(now.plus(Duration.ofMinutes(1)), late.dueAt());
        assertEquals(CALL_HOUR_END.plus(Duration.ofHours(4)), late.deadline());

        List<Duration> waits = new ArrayList<>();
        LateChildPolicy.Decision next = first;
        while (next instanceof LateChildPolicy.Retry retry && waits.size() < 50) {
            now = retry.late().dueAt();
            next = policy.recordingMissing("call:C1", Optional.of(retry.late()), CALL_HOUR_END, now);
            if (next instanceof LateChildPolicy.Retry again) {
                waits.add(Duration.between(now, again.late().dueAt()));
            }
        }
        assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8)), waits.subList(0, 3));
        assertEquals(Duration.ofMinutes(15), waits.get(5), "capped at recording.retry.backoff.max.ms");
        assertEquals(21, waits.size() + 1, "asked again 21 times over the 4 h 20 min, the last at the deadline");
        assertInstanceOf(LateChildPolicy.GiveUp.class, next);
        assertEquals(CALL_HOUR_END.plus(Duration.ofHours(4)), now);
    }

    @Test
    void aMissingRecordingOfAnOldCallIsNotWaitedFor() {
        assertInstanceOf(LateChildPolicy.Absent.class, policy.recordingMissing("call:C1", Optional.empty(),
                CALL_HOUR_END, CALL_HOUR_END.plus(Duration.ofHours(4))));
        LateChildPolicy none = new LateChildPolicy(Duration.ZERO, policy.recordingRetries(), 3, policy.chatBackoff(), 2);
        assertInstanceOf(LateChildPolicy.Absent.class, none.recordingMissing("call:C1", Optional.empty(),
                CALL_HOUR_END, CALL_HOUR_END));
    }

    @Test
    void aChatOverTheLimitIsRetriedWithSmallerPagesThenGivenUp() {
        Instant now = CALL_HOUR_END;
        LateChildPolicy.Decision decision = policy.chatOverLimit("chat:E1", 500, 500, Optional.empty(), now);
        List<Integer> pages = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        while (decision instanceof LateChildPolicy.Retry retry && pages.size() < 10) {
            pages.add(retry.late().pageSize());
            waits.add(Duration.between(now, retry.late().dueAt()));
            assertEquals(500, retry.late().offset(), "the chat resumes where it stopped");
            now = retry.late().dueAt();
            decision = policy.chatOverLimit("chat:E1", 500, retry.late().pageSize(), Optional.of(retry.late()), now);
        }
        assertEquals(List.of(250, 125, 62), pages);
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)), waits);
        assertInstanceOf(LateChildPolicy.GiveUp.class, decision);
        LateChildPolicy byFive = new LateChildPolicy(Duration.ZERO, policy.recordingRetries(), 3,
                policy.chatBackoff(), 5);
        LateChild fifth = ((LateChildPolicy.Retry) byFive.chatOverLimit("chat:E1", 0, 500, Optional.empty(), now))
                .late();
        assertEquals(100, fifth.pageSize());
    }

    @Test
    void withoutRetriesOrBelowOneMessageAChatIsGivenUpAtOnce() {
        LateChildPolicy noRetries = new LateChildPolicy(Duration.ofHours(1), policy.recordingRetries(), 0,
                policy.chatBackoff(), 2);
        assertInstanceOf(LateChildPolicy.GiveUp.class,
                noRetries.chatOverLimit("chat:E1", 0, 500, Optional.empty(), CALL_HOUR_END));
        assertInstanceOf(LateChildPolicy.GiveUp.class,
                policy.chatOverLimit("chat:E1", 0, 1, Optional.empty(), CALL_HOUR_END));
        assertThrows(IllegalArgumentException.class, () -> new LateChildPolicy(Duration.ZERO,
                policy.recordingRetries(), 3, policy.chatBackoff(), 1));
    }

    @Test
    void theRetryScheduleDoublesCapsAndStopsAtTheDeadline() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(4), schedule.delay(2));
        assertEquals(Duration.ofMinutes(5), schedule.delay(40));
        assertEquals(Optional.of(CALL_HOUR_END.plusSeconds(30)),
                schedule.next(0, CALL_HOUR_END, CALL_HOUR_END.plusSeconds(30)));
        assertEquals(Optional.empty(), schedule.next(0, CALL_HOUR_END, CALL_HOUR_END));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> schedule.delay(-1));
    }
}
