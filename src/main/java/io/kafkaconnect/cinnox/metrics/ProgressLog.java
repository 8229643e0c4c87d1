package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.UnitPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The task's progress at INFO at most once a minute (counters, units, each report's progress, the event
 * receiver when there is one), written to the task's own logger so users' log settings keep applying.
 */
public final class ProgressLog {

    public static final Duration EVERY = Duration.ofMinutes(1);

    private final Logger log;
    private final TaskProgress progress;
    private final TaskStats stats;
    private final List<UnitPoller> units;
    private Instant last;

    public ProgressLog(Logger log, TaskProgress progress, TaskStats stats, List<UnitPoller> units, Instant start) {
        this.log = log;
        this.progress = progress;
        this.stats = stats;
        this.units = List.copyOf(units);
        this.last = start;
    }

    /** Logs the progress when a minute passed since the last time; {@code receiver} describes the event receiver. */
    public void logIfDue(Instant now, Supplier<Optional<String>> receiver) {
        logIfDue(now, receiver, unit -> false);
    }

    /**
     * As {@link #logIfDue(Instant, Supplier)}; a unit {@code busy} says has a step running on another thread is
     * named without its cursor, which only its own thread may read meanwhile.
     */
    public void logIfDue(Instant now, Supplier<Optional<String>> receiver, Predicate<UnitPoller> busy) {
        if (now.isBefore(last.plus(EVERY))) {
            return;
        }
        last = now;
        long live = units.stream().filter(u -> u.isLive(now)).count();
        log.info("CINNOX task progress: {}; {} units ({} live)", stats, units.size(), live);
        progress.reports().forEach(report -> log.info("CINNOX report progress {}", progress.of(report)));
        receiver.get().ifPresent(line -> log.info("CINNOX enquiry event receiver: {}", line));
        if (log.isDebugEnabled()) {
            units.forEach(u -> log.debug("  {}", busy.test(u) ? u.unit() + " (a step is running)" : u.progress()));
        }
    }
}
