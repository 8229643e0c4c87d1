package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class UnitSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

    /** A unit that is due from a given time and says whether it is live. */
    private static final class FakeUnit implements UnitPoller {
        private final String name;
        private final boolean live;
        private Instant due;

        FakeUnit(String name, boolean live, Instant due) {
            this.name = name;
            this.live = live;
            this.due = due;
        }

        @Override
        public WorkUnit unit() {
            return WorkUnit.snapshot("app", Report.CHANNEL_TYPE_LIST);
        }

        @Override
        public Instant dueAt(Instant now) {
            return due;
        }

        @Override
        public List<SourceRecord> step(Instant now) {
            return List.of();
        }

        @Override
        public void windowTooWide() {
        }

        @Override
        public boolean isLive(Instant now) {
            return live;
        }

        @Override
        public MainPass mainPass() {
            return MainPass.snapshot(NOW, false);
        }

        @Override
        public String progress() {
            return name;
        }
    }

    @Test
    void aDueLiveUnitGoesBeforeEveryBackfillUnit() {
        FakeUnit backfill1 = new FakeUnit("b1", false, NOW);
        FakeUnit backfill2 = new FakeUnit("b2", false, NOW);
        FakeUnit live = new FakeUnit("live", true, NOW.plusSeconds(30));
        UnitScheduler scheduler = new UnitScheduler(List.of(backfill1, backfill2, live), Duration.ofMinutes(5));

        assertTrue(scheduler.next(NOW).isPresent());
        assertEquals("live", scheduler.next(NOW.plusSeconds(30)).orElseThrow().progress());
    }

    @Test
    void backfillUnitsTakeTurns() {
        List<UnitPoller> units = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            units.add(new FakeUnit("b" + i, false, NOW));
        }
        UnitScheduler scheduler = new UnitScheduler(units, Duration.ofMinutes(5));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(scheduler.next(NOW).orElseThrow().progress());
        }
        assertEquals(List.of("b0", "b1", "b2", "b0", "b1", "b2"), order);
    }

    @Test
    void aFailingUnitBacksOffExponentiallyUpToTheMaximumWhileOthersGoOn() {
        FakeUnit failing = new FakeUnit("f", false, NOW);
        FakeUnit other = new FakeUnit("o", false, NOW);
        UnitScheduler scheduler = new UnitScheduler(List.of(failing, other), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(1), scheduler.failed(failing, NOW));
        assertEquals(Duration.ofSeconds(2), scheduler.failed(failing, NOW));
        assertEquals(Duration.ofSeconds(4), scheduler.failed(failing, NOW));
        assertEquals(Duration.ofSeconds(8), scheduler.failed(failing, NOW));
        assertEquals(Duration.ofSeconds(10), scheduler.failed(failing, NOW));

        assertEquals("o", scheduler.next(NOW).orElseThrow().progress());
        assertEquals("o", scheduler.next(NOW.plusSeconds(5)).orElseThrow().progress());
        assertEquals(NOW, scheduler.nextDueAt(NOW));

        scheduler.succeeded(failing);
        assertEquals(0, scheduler.failures(failing));
    }

    @Test
    void unitsAreServedLiveFirstEachGroupInTurnWithoutThoseBackingOff() {
        FakeUnit b0 = new FakeUnit("b0", false, NOW);
        FakeUnit b1 = new FakeUnit("b1", false, NOW);
        FakeUnit live = new FakeUnit("live", true, NOW.plusSeconds(30));
        FakeUnit failing = new FakeUnit("f", false, NOW);
        UnitScheduler scheduler = new UnitScheduler(List.of(b0, b1, live, failing), Duration.ofMinutes(5));
        scheduler.failed(failing, NOW);

        assertEquals(List.of("live", "b0", "b1"), names(scheduler.inTurn(NOW)));
        assertEquals(List.of("live", "b1", "b0"), names(scheduler.inTurn(NOW)));
        assertTrue(scheduler.isDue(b0, NOW));
        assertFalse(scheduler.isDue(live, NOW));
        assertFalse(scheduler.isDue(failing, NOW));
        assertTrue(names(scheduler.inTurn(NOW.plusSeconds(2))).contains("f"), "back after its backoff");
    }

    private static List<String> names(List<UnitPoller> units) {
        return units.stream().map(UnitPoller::progress).toList();
    }

    @Test
    void nothingDueSaysWhenTheNextUnitWillBe() {
        FakeUnit later = new FakeUnit("later", true, NOW.plusSeconds(42));
        UnitScheduler scheduler = new UnitScheduler(List.of(later), Duration.ofMinutes(5));
        assertTrue(scheduler.next(NOW).isEmpty());
        assertEquals(NOW.plusSeconds(42), scheduler.nextDueAt(NOW));
    }
}
