package io.kafkaconnect.cinnox.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WindowLimitsTest {

    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void theDaysOfTheAnswerAreUsedDirectlyAndSharedByEveryUnit() {
        WindowLimits limits = new WindowLimits();
        assertEquals(Optional.empty(), limits.limit("call-log"));
        limits.learnDays("call-log", OptionalInt.of(3));
        assertEquals(Duration.ofDays(3), limits.refused("call-log", WEEK));
        assertEquals(Optional.of(Duration.ofDays(3)), limits.limit("call-log"));
        assertEquals(Optional.empty(), limits.limit("enquiry-detail"), "other endpoints keep their own");
    }

    @Test
    void withoutDaysTheRefusedWindowIsHalvedAndRemembered() {
        WindowLimits limits = new WindowLimits();
        limits.learnDays("sms-detail", OptionalInt.empty());
        assertEquals(Duration.ofHours(84), limits.refused("sms-detail", WEEK));
        assertEquals(Optional.of(Duration.ofHours(84)), limits.limit("sms-detail"));
    }

    @Test
    void aRefusedWindowNoLongerThanTheDaysOfTheAnswerIsHalved() {
        WindowLimits limits = new WindowLimits();
        limits.learnDays("sms-detail", OptionalInt.of(3));
        assertEquals(Duration.ofHours(36), limits.refused("sms-detail", Duration.ofDays(3)));
    }

    @Test
    void aLaterAnswerNeverWidensWhatWasLearnt() {
        WindowLimits limits = new WindowLimits();
        limits.learnDays("call-log", OptionalInt.of(2));
        limits.learnDays("call-log", OptionalInt.of(5));
        assertEquals(Duration.ofDays(2), limits.refused("call-log", WEEK));
        limits.learn("call-log", Duration.ofDays(4));
        assertEquals(Optional.of(Duration.ofDays(2)), limits.limit("call-log"));
        limits.learn("call-log", Duration.ofDays(1));
        assertEquals(Optional.of(Duration.ofDays(1)), limits.limit("call-log"));
        limits.learn("call-log", Duration.ZERO);
        assertEquals(Optional.of(Duration.ofDays(1)), limits.limit("call-log"));
    }

    @Test
    void aWindowUnderTwoMillisecondsCannotBeNarrowed() {
        WindowLimits limits = new WindowLimits();
        assertThrows(IllegalStateException.class, () -> limits.refused("x", Duration.ofMillis(1)));
    }
    @Test
    void aWindowWiderThanAnyAnsweredAndThanTheNamedLimitIsUntested() {
        WindowLimits limits = new WindowLimits();
        assertTrue(limits.untested("enquiry-detail", Duration.ofDays(2)), "nothing answered yet");
        limits.accepted("enquiry-detail", Duration.ofDays(2));
        assertFalse(limits.untested("enquiry-detail", Duration.ofDays(2)));
        assertTrue(limits.untested("enquiry-detail", Duration.ofDays(7)));
        limits.learnDays("enquiry-detail", OptionalInt.of(3));
        assertFalse(limits.untested("enquiry-detail", Duration.ofDays(3)), "CINNOX named three days");
        assertTrue(limits.untested("call-detail", Duration.ofDays(1)), "per endpoint");
    }
}
