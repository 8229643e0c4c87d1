package io.kafkaconnect.cinnox.inflight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Keeps several of a task's requests in flight: due steps of different units run at once on the request pool
 * (one per unit, so each unit's records stay in order), units send child pages ahead of their steps, and steps
 * that only apply answers already here run on the poll thread without a permit. Poll thread only.
 *
 * @param <U> a unit of work
 * @param <R> what a step returns
 */
public final class ConcurrentSteps<U, R> {

    /** What the dispatcher asks of the task's units. */
    public interface Units<U, R> {

        /** The units that may act now (none backed off), in the order they are served: live first, in turn. */
        List<U> inTurn(Instant now);

        /** Whether the unit's next step is due. */
        boolean isDue(U unit, Instant now);

        /** Whether the unit's next step sends a request itself; false when it applies answers already here. */
        boolean sendsRequest(U unit, Instant now);

        /** Lets the unit send at most one request ahead of its steps (a child page); returns whether it did. */
        boolean sendAhead(U unit, Instant now, Sender sender);

        /** Runs the unit's next step. */
        R step(U unit, Instant now);
    }

    /** Sends one request under the budget; empty when there is no room or no permit. */
    public interface Sender {
        <T> Optional<InFlight<T>> send(Callable<T> request);
    }

    /** A step that ended: its result, or the exception it threw. */
    public record Done<U, R>(U unit, R result, RuntimeException failure) {
    }

    /** What one round of sending did: requests sent, and whether one waited in vain for a permit. */
    public record Sent(int requests, boolean throttled) {
    }

    private final InFlightRequests requests;
    private final RequestPermits permits;
    private final Map<U, InFlight<R>> running = new LinkedHashMap<>();

    public ConcurrentSteps(InFlightRequests requests, RequestPermits permits) {
        this.requests = requests;
        this.permits = permits;
    }

    /** Whether a step of {@code unit} is running on the pool. */
    public boolean isRunning(U unit) {
        return running.containsKey(unit);
    }

    /** The steps that ended on the pool since the last call. */
    public List<Done<U, R>> collect() {
        List<Done<U, R>> done = new ArrayList<>();
        Iterator<Map.Entry<U, InFlight<R>>> entries = running.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<U, InFlight<R>> entry = entries.next();
            if (entry.getValue().isDone()) {
                entries.remove();
                done.add(outcome(entry.getKey(), entry.getValue()::answer));
            }
        }
        return done;
    }

    /** Runs here, without a permit, the due steps that send no request (they apply answers already here). */
    public List<Done<U, R>> runLocal(Instant now, Units<U, R> units) {
        List<Done<U, R>> done = new ArrayList<>();
        for (U unit : units.inTurn(now)) {
            if (!running.containsKey(unit) && units.isDue(unit, now) && !units.sendsRequest(unit, now)) {
                done.add(outcome(unit, () -> units.step(unit, now)));
            }
        }
        return done;
    }

    /**
     * Sends due steps and child pages ahead, one per unit per pass in the units' order, until {@code allowed}
     * requests are in flight (the pool's bound at most), a permit does not come, or nothing is left to send.
     * Only the first permit may wait, up to {@code firstWait}.
     */
    public Sent send(Instant now, Units<U, R> units, Duration firstWait, int allowed) {
        PermitOnce sender = new PermitOnce(firstWait, allowed);
        int sent = 0;
        boolean progress = true;
        while (progress && sender.room()) {
            progress = false;
            for (U unit : units.inTurn(now)) {
                if (!sender.room()) {
                    break;
                }
                if (!running.containsKey(unit) && sendOne(unit, now, units, sender)) {
                    sent++;
                    progress = true;
                }
            }
        }
        return new Sent(sent, sender.refused);
    }

    /** Cancels every running step. */
    public void cancelAll() {
        running.values().forEach(InFlight::cancel);
        running.clear();
    }

    private boolean sendOne(U unit, Instant now, Units<U, R> units, PermitOnce sender) {
        if (units.isDue(unit, now) && units.sendsRequest(unit, now)) {
            Optional<InFlight<R>> step = sender.send(() -> units.step(unit, now));
            step.ifPresent(request -> running.put(unit, request));
            return step.isPresent();
        }
        return units.sendAhead(unit, now, sender);
    }

    private Done<U, R> outcome(U unit, Callable<R> answer) {
        try {
            return new Done<>(unit, answer.call(), null);
        } catch (RuntimeException e) {
            return new Done<>(unit, null, e);
        } catch (Exception e) {
            return new Done<>(unit, null, new IllegalStateException(e));
        }
    }

    /** Waits for a permit only the first time; remembers a refusal so the round stops. */
    private final class PermitOnce implements Sender {
        private final int allowed;
        private Duration wait;
        private boolean refused;

        PermitOnce(Duration firstWait, int allowed) {
            this.wait = firstWait;
            this.allowed = allowed;
        }

        boolean room() {
            return !refused && requests.hasRoom() && requests.inFlight() < allowed;
        }

        @Override
        public <T> Optional<InFlight<T>> send(Callable<T> request) {
            if (!room()) {
                return Optional.empty();
            }
            Optional<InFlight<T>> sent = requests.trySend(permits, wait, request);
            wait = Duration.ZERO;
            refused = sent.isEmpty() && requests.hasRoom();
            return sent;
        }
    }
}
