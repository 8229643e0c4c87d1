package io.kafkaconnect.cinnox.inflight;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The child pages of one unit fetched ahead of the cursor: requests for the next few children go out together,
 * while answers are taken strictly in cursor order (only the head), so every offset stays a resume point.
 * Used by one unit at a time (its steps, or the poll thread between them); answers arrive on the request pool.
 *
 * @param <K> what names one child page (child, offset, page size)
 * @param <R> the answer of one request
 */
public final class ChildFetches<K, R> {

    private final int ahead;
    private final Map<K, InFlight<R>> sent = new LinkedHashMap<>();

    /** Keeps at most {@code ahead} child pages requested at once, the head included. */
    public ChildFetches(int ahead) {
        if (ahead < 1) {
            throw new IllegalArgumentException("At least the head child must be fetched, got " + ahead);
        }
        this.ahead = ahead;
    }

    /**
     * Sends the first pages of {@code wanted} (cursor order, at most {@code ahead}) not sent yet, one by one until
     * {@code max} are sent or {@code send} declines (no room or no permit). Pages sent earlier and no longer
     * wanted at all are cancelled. Returns how many were sent now.
     */
    public synchronized int sendAhead(List<K> wanted, int max, Function<K, Optional<InFlight<R>>> send) {
        dropAllBut(wanted);
        List<K> window = wanted.subList(0, Math.min(ahead, wanted.size()));
        int count = 0;
        for (K key : window) {
            if (count >= max) {
                break;
            }
            if (sent.containsKey(key)) {
                continue;
            }
            Optional<InFlight<R>> request = send.apply(key);
            if (request.isEmpty()) {
                break;
            }
            sent.put(key, request.get());
            count++;
        }
        return count;
    }

    /** Whether a request for {@code key} was sent and is still unanswered. */
    public synchronized boolean waitingFor(K key) {
        InFlight<R> request = sent.get(key);
        return request != null && !request.isDone();
    }

    /** Whether the answer for {@code key} has arrived and may be taken. */
    public synchronized boolean answered(K key) {
        InFlight<R> request = sent.get(key);
        return request != null && request.isDone();
    }

    /**
     * Takes the answer for {@code key} if it arrived, rethrowing the request's exception; the entry is dropped
     * either way, so a failed page is sent again later.
     */
    public synchronized Optional<R> take(K key) {
        InFlight<R> request = sent.get(key);
        if (request == null || !request.isDone()) {
            return Optional.empty();
        }
        sent.remove(key);
        return Optional.of(request.answer());
    }

    /** Pages requested and not taken yet. */
    public synchronized int size() {
        return sent.size();
    }

    /** Cancels every request and forgets every answer (the unit stops, or its cursor was reset). */
    public synchronized void cancelAll() {
        sent.values().forEach(InFlight::cancel);
        sent.clear();
    }

    /** Cancels and forgets the pages no longer in {@code wanted}. */
    public synchronized void retain(List<K> wanted) {
        dropAllBut(wanted);
    }

    private void dropAllBut(List<K> wanted) {
        Iterator<Map.Entry<K, InFlight<R>>> entries = sent.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<K, InFlight<R>> entry = entries.next();
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().cancel();
                entries.remove();
            }
        }
    }
}
