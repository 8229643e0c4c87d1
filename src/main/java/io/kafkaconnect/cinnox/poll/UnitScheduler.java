package io.kafkaconnect.cinnox.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the unit a task steps next: only due units, live units before backfill ones (so a long backfill
 * never starves live data), backfill units in turn. A unit whose request failed waits out an exponential
 * backoff while the others go on.
 */
public final class UnitScheduler {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private record Backoff(int failures, Instant until) {
    }

    private final List<UnitPoller> units;
    private final Duration maxBackoff;
    private final Map<UnitPoller, Backoff> backoffs = new HashMap<>();
    private int turn;

    public UnitScheduler(List<UnitPoller> units, Duration maxBackoff) {
        this.units = List.copyOf(units);
        this.maxBackoff = maxBackoff;
    }

    public List<UnitPoller> units() {
        return units;
    }

    /** The unit to step now, if any is due. */
    public Optional<UnitPoller> next(Instant now) {
        Optional<UnitPoller> live = firstDue(now, true);
        return live.isPresent() ? live : firstDue(now, false);
    }

    /** The earliest time a unit becomes due (its backoff included); {@link UnitPoller#NEVER} when none will. */
    public Instant nextDueAt(Instant now) {
        Instant earliest = UnitPoller.NEVER;
        for (UnitPoller unit : units) {
            Instant due = dueAt(unit, now);
            if (due.isBefore(earliest)) {
                earliest = due;
            }
        }
        return earliest;
    }

    /**
     * The units that may act now, none backing off, in the order they are served: live units first, then
     * backfill units, each group starting one place further on every call so that all get their turn.
     */
    public List<UnitPoller> inTurn(Instant now) {
        int size = units.size();
        List<UnitPoller> live = new ArrayList<>();
        List<UnitPoller> backfill = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UnitPoller unit = units.get((turn + i) % size);
            Backoff backoff = backoffs.get(unit);
            if (backoff == null || !backoff.until().isAfter(now)) {
                (unit.isLive(now) ? live : backfill).add(unit);
            }
        }
        turn = size == 0 ? 0 : (turn + 1) % size;
        live.addAll(backfill);
        return live;
    }

    /** Whether the unit's next step is due now (its backoff included). */
    public boolean isDue(UnitPoller unit, Instant now) {
        return !dueAt(unit, now).isAfter(now);
    }

    public void succeeded(UnitPoller unit) {
        backoffs.remove(unit);
    }

    /** Backs the unit off after a retriable failure; returns how long it waits. */
    public Duration failed(UnitPoller unit, Instant now) {
        int failures = backoffs.containsKey(unit) ? backoffs.get(unit).failures() + 1 : 1;
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        backoffs.put(unit, new Backoff(failures, now.plus(wait)));
        return wait;
    }

    public int failures(UnitPoller unit) {
        return backoffs.containsKey(unit) ? backoffs.get(unit).failures() : 0;
    }

    private Optional<UnitPoller> firstDue(Instant now, boolean live) {
        int size = units.size();
        for (int i = 0; i < size; i++) {
            UnitPoller unit = units.get((turn + i) % size);
            if (unit.isLive(now) == live && !dueAt(unit, now).isAfter(now)) {
                turn = (turn + i + 1) % size;
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    private Instant dueAt(UnitPoller unit, Instant now) {
        Instant due = unit.dueAt(now);
        Backoff backoff = backoffs.get(unit);
        return backoff != null && backoff.until().isAfter(due) ? backoff.until() : due;
    }
}
