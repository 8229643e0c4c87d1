package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.WindowLimits;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.RateLimitedException;
import io.kafkaconnect.cinnox.client.RetriableApiException;
import io.kafkaconnect.cinnox.client.WindowTooWideException;
import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.inflight.InFlightRequests;
import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.UnitPoller;
import io.kafkaconnect.cinnox.poll.UnitScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps a task's units with up to {@code max.in.flight.requests} requests in flight and applies the task's
 * error policy to each step that ends. A task starts with one request in flight and goes concurrent once a
 * request succeeded; a 6451010 answer takes it back to one until a request succeeds again, so a rate-limited,
 * misconfigured or too-wide-window account is not hit by a burst of refusals.
 */
final class StepRunner implements ConcurrentSteps.Units<UnitPoller, List<SourceRecord>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    /** The records of one round, what it sent, and the answers counted before it (to wait for the next). */
    record Round(List<SourceRecord> records, ConcurrentSteps.Sent sent, long answersSeen) {
    }

    private final UnitScheduler scheduler;
    private final RateBudget budget;
    private final WindowLimits windowLimits;
    private final TaskStats stats;
    private final int maxInFlight;
    private final InFlightRequests requests;
    private final ConcurrentSteps<UnitPoller, List<SourceRecord>> steps;
    private long successesWhenProbing = 0;
    private volatile boolean closed;

    StepRunner(UnitScheduler scheduler, RateBudget.Lease lease, WindowLimits windowLimits, TaskStats stats,
            int maxInFlight, String threadName) {
        this.scheduler = scheduler;
        this.budget = lease.budget();
        this.windowLimits = windowLimits;
        this.stats = stats;
        this.maxInFlight = maxInFlight;
        this.requests = new InFlightRequests(maxInFlight, threadName);
        this.steps = new ConcurrentSteps<>(requests, lease::tryAcquire);
    }

    /**
     * Takes the steps that ended and runs the local ones (until none is left, at most a bound), then sends
     * what can be sent. The first permit may wait up to {@code permitWait}, and only when there are no records
     * to return. A closed runner returns nothing: no answer reaches Kafka after stop().
     */
    Round round(Instant now, Duration permitWait) {
        long seen = requests.completions();
        List<SourceRecord> records = new ArrayList<>();
        if (closed) {
            return new Round(records, new ConcurrentSteps.Sent(0, false), seen);
        }
        for (ConcurrentSteps.Done<UnitPoller, List<SourceRecord>> done : steps.collect()) {
            records.addAll(outcome(done, now));
        }
        for (int i = 0; i <= maxInFlight; i++) {
            List<ConcurrentSteps.Done<UnitPoller, List<SourceRecord>>> local = steps.runLocal(now, this);
            for (ConcurrentSteps.Done<UnitPoller, List<SourceRecord>> done : local) {
                records.addAll(outcome(done, now));
            }
            if (local.isEmpty()) {
                break;
            }
        }
        Duration wait = records.isEmpty() ? permitWait : Duration.ZERO;
        boolean probing = requests.successes() <= successesWhenProbing;
        ConcurrentSteps.Sent sent = steps.send(now, this, wait, probing ? 1 : maxInFlight);
        if (sent.throttled()) {
            stats.requestThrottled();
        }
        return new Round(closed ? List.of() : records, sent, seen);
    }

    int inFlight() {
        return requests.inFlight();
    }

    /** Whether a step of {@code unit} runs on the request pool now (its cursor is that thread's meanwhile). */
    boolean isRunning(UnitPoller unit) {
        return steps.isRunning(unit);
    }

    /** Waits until a request answers after {@code seen} answers, at most {@code maxWait}. */
    void awaitAnswer(long seen, Duration maxWait) throws InterruptedException {
        requests.awaitCompletion(seen, maxWait);
    }

    /** Waits at most {@code maxWait} for the request threads to end after {@link #close()}. */
    boolean awaitTermination(Duration maxWait) throws InterruptedException {
        return requests.awaitTermination(maxWait);
    }

    /** Cancels every request in flight and shuts the request threads down; idempotent, any thread. */
    @Override
    public void close() {
        closed = true;
        requests.close();
        scheduler.units().forEach(UnitPoller::cancelAhead);
    }

    @Override
    public List<UnitPoller> inTurn(Instant now) {
        return scheduler.inTurn(now);
    }

    @Override
    public boolean isDue(UnitPoller unit, Instant now) {
        if (!scheduler.isDue(unit, now)) {
            return false;
        }
        UnitPoller.StepKind kind = unit.nextStep(now);
        return kind != UnitPoller.StepKind.WAITING && !(kind == UnitPoller.StepKind.PROBE && reportBusy(unit));
    }

    @Override
    public boolean sendsRequest(UnitPoller unit, Instant now) {
        UnitPoller.StepKind kind = unit.nextStep(now);
        return kind == UnitPoller.StepKind.REQUEST || kind == UnitPoller.StepKind.PROBE;
    }

    /** Whether another unit of the same report has a step running (an untested window waits for it). */
    private boolean reportBusy(UnitPoller unit) {
        return scheduler.units().stream().anyMatch(other -> other != unit
                && other.unit().report() == unit.unit().report() && steps.isRunning(other));
    }

    @Override
    public boolean sendAhead(UnitPoller unit, Instant now, ConcurrentSteps.Sender sender) {
        return unit.sendAhead(now, sender);
    }

    @Override
    public List<SourceRecord> step(UnitPoller unit, Instant now) {
        return unit.step(now);
    }

    /** The records of a step that ended, or nothing after handling its failure as the error policy says. */
    private List<SourceRecord> outcome(ConcurrentSteps.Done<UnitPoller, List<SourceRecord>> done, Instant now) {
        UnitPoller unit = done.unit();
        RuntimeException failure = done.failure();
        if (failure == null) {
            scheduler.succeeded(unit);
            return done.result();
        }
        try {
            throw failure;
        } catch (RateLimitedException e) {
            stats.rateLimited();
            successesWhenProbing = requests.successes();
            budget.pauseUntil(e.retryAt());
            log.warn("{}: CINNOX rate limit reached (6451010); no requests to this account until {}",
                    unit.unit(), e.retryAt());
        } catch (WindowTooWideException e) {
            windowLimits.learnDays(unit.unit().report().apiName(), e.maxDays());
            unit.windowTooWide();
        } catch (RetriableApiException e) {
            stats.retried();
            Duration wait = scheduler.failed(unit, now);
            log.warn("{}: {}; retrying in {} (failure {} in a row)", unit.unit(), e.getMessage(), wait,
                    scheduler.failures(unit));
        } catch (FatalApiException e) {
            if (e.reason() == FatalApiException.Reason.INVALID_TOKEN
                    || e.reason() == FatalApiException.Reason.INVALID_APP) {
                throw new CredentialsRefused(FatalErrors.explain(e), e);
            }
            throw new ConnectException(FatalErrors.explain(e), e);
        } catch (CancellationException e) {
            log.debug("{}: a request was cancelled, the task stops", unit.unit());
        }
        return List.of();
    }
}
