package io.kafkaconnect.cinnox.work;

import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitPlannerTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant HISTORY = Instant.parse("2026-01-03T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-20T08:00:00Z");
    private static final List<Report> REPORTS = List.of(Report.ENQUIRY_DETAIL, Report.ENQUIRY_CHAT,
            Report.ENQUIRY_OVERVIEW, Report.CHANNEL_TYPE_LIST);

    private final UnitPlanner planner = new UnitPlanner("app1", REPORTS, HISTORY, WEEK);

    @Test
    void chunkedReportsGetOneUnitPerChunkUpToNowAndSnapshotsOne() {
        List<String> units = planner.allUnits(NOW).stream().map(WorkUnit::toString).toList();
        assertEquals(List.of(
                "app1:enquiry-detail@2026-01-01", "app1:enquiry-detail@2026-01-08", "app1:enquiry-detail@2026-01-15",
                "app1:enquiry-overview@2026-01-01", "app1:enquiry-overview@2026-01-08",
                "app1:enquiry-overview@2026-01-15", "app1:channel-type-list"), units);
    }

    @Test
    void nowOnAChunkStartAlreadyHasItsUnit() {
        Instant chunkStart = Instant.parse("2026-01-15T00:00:00Z");
        WorkUnit live = new WorkUnit("app1", Report.ENQUIRY_DETAIL, Chunk.containing(chunkStart, WEEK));
        assertTrue(planner.allUnits(chunkStart).contains(live));
        assertFalse(planner.allUnits(chunkStart.minusMillis(1)).contains(live));
    }

    @Test
    void finishedUnitsAreLeftOut() {
        Map<WorkUnit, WindowCursor> stored = new HashMap<>();
        WorkUnit first = planner.allUnits(NOW).get(0);
        stored.put(first, WindowCursor.fresh().unitFinished());
        WorkUnit second = planner.allUnits(NOW).get(1);
        stored.put(second, WindowCursor.fresh().startWindow(HISTORY, NOW));
        List<WorkUnit> toDo = planner.unitsToDo(NOW, stored::get);
        assertFalse(toDo.contains(first));
        assertTrue(toDo.contains(second));
        assertEquals(planner.allUnits(NOW).size() - 1, toDo.size());
    }

    @Test
    void childReportsAloneGiveNoUnits() {
        UnitPlanner children = new UnitPlanner("app1", List.of(Report.RECORDING_FILE), HISTORY, WEEK);
        assertEquals(List.of(), children.allUnits(NOW));
    }

    @Test
    void historyInTheFutureLeavesOnlySnapshots() {
        List<WorkUnit> units = new UnitPlanner("app1", REPORTS, NOW.plusSeconds(1), WEEK).allUnits(NOW);
        assertEquals(List.of(WorkUnit.snapshot("app1", Report.CHANNEL_TYPE_LIST)), units);
    }

    @Test
    void liveUnitsOfDifferentReportsGoToDifferentTasks() {
        List<List<WorkUnit>> groups = UnitPlanner.assign(planner.allUnits(NOW), 3);
        assertEquals(3, groups.size());
        Chunk live = Chunk.containing(NOW, WEEK);
        Set<Integer> liveGroups = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            for (WorkUnit unit : groups.get(g)) {
                if (live.equals(unit.chunk())) {
                    liveGroups.add(g);
                }
            }
        }
        assertEquals(2, liveGroups.size());
        assertEquals(live, groups.get(0).get(0).chunk());
    }

    @Test
    void groupsListTheirUnitsNewestFirst() {
        for (List<WorkUnit> group : UnitPlanner.assign(planner.allUnits(NOW), 2)) {
            assertEquals(group.stream().sorted(UnitPlanner.NEWEST_FIRST).toList(), group);
        }
    }

    @Test
    void moreTasksThanUnitsLeavesTasksUnused() {
        List<WorkUnit> units = planner.allUnits(NOW);
        assertEquals(units.size(), UnitPlanner.assign(units, 100).size());
        assertEquals(List.of(), UnitPlanner.assign(List.of(), 4));
    }

    @Test
    void invalidAssignmentsAreRejected() {
        List<WorkUnit> units = planner.allUnits(NOW);
        assertThrows(IllegalArgumentException.class, () -> UnitPlanner.assign(units, 0));
        List<WorkUnit> twice = new ArrayList<>(units);
        twice.add(units.get(0));
        assertThrows(IllegalArgumentException.class, () -> UnitPlanner.assign(twice, 2));
    }

    @Test
    void everyUnitGoesToExactlyOneTaskWhateverTheTaskCount() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<WorkUnit> units = randomUnits(random);
            Set<Map<String, Object>> partitions = units.stream().map(WorkUnit::toPartition).collect(Collectors.toSet());
            for (int maxTasks = 1; maxTasks <= 10; maxTasks++) {
                List<List<WorkUnit>> groups = UnitPlanner.assign(units, maxTasks);
                assertEquals(Math.min(maxTasks, units.size()), groups.size());
                List<WorkUnit> dealt = groups.stream().flatMap(List::stream).toList();
                assertEquals(units.size(), dealt.size(), "no unit twice");
                assertEquals(Set.copyOf(units), Set.copyOf(dealt), "every unit once");
                assertTrue(groups.stream().noneMatch(List::isEmpty));
                assertEquals(partitions, dealt.stream().map(WorkUnit::toPartition).collect(Collectors.toSet()));
                int largest = groups.stream().mapToInt(List::size).max().orElse(0);
                int smallest = groups.stream().mapToInt(List::size).min().orElse(0);
                assertTrue(largest - smallest <= 1, "balanced");
            }
        }
    }

    private static List<WorkUnit> randomUnits(Random random) {
        Instant history = NOW.minus(Duration.ofDays(random.nextInt(120)));
        List<Report> reports = new ArrayList<>();
        for (Report report : Report.values()) {
            if (random.nextBoolean()) {
                reports.add(report);
            }
        }
        List<WorkUnit> units = new ArrayList<>();
        for (String app : List.of("app1", "app2").subList(0, 1 + random.nextInt(2))) {
            units.addAll(new UnitPlanner(app, reports, history, Duration.ofDays(1 + random.nextInt(7))).allUnits(NOW));
        }
        return units;
    }
}
