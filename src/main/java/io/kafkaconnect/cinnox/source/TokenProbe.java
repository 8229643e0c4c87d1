package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RateLimitedException;
import io.kafkaconnect.cinnox.client.TimeWindow;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.schedule.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request of a task's own that checks whether CINNOX still refuses the App Token another task saw refused:
 * that news may be stale, the token restored since. The request takes a permit from the rate budget like any
 * other; a transient failure is asked again at a later poll, a bounded number of times.
 */
final class TokenProbe {

    private static final Logger log = LoggerFactory.getLogger(TokenProbe.class);

    /** What a check came to; a refused token throws instead. */
    enum Outcome {
        /** CINNOX answered: the token works. */
        ACCEPTED,
        /** Not checked yet (no permit, or a retry not due), or a transient failure: check again at a later poll. */
        LATER,
        /** {@link #MAX_ATTEMPTS} transient failures in a row: the task goes on and learns at its own next request. */
        GAVE_UP
    }

    static final int MAX_ATTEMPTS = 5;
    /**
     * Soon: the check of a task that sent nothing for a while often meets a pooled connection the server closed
     * ("no HTTP response"), which the next request does not.
     */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

    private final Runnable request;
    private final RateBudget.Lease lease;
    private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
    private int attempts;
    private Instant nextAt = Instant.MIN;

    /** {@code request} sends one request with the task's credentials, throwing the client's typed errors. */
    TokenProbe(Runnable request, RateBudget.Lease lease) {
        this.request = request;
        this.lease = lease;
    }

    /** The cheapest request every task can send: one row of the enquiries of the last minute, as validate() asks. */
    static TokenProbe of(CinnoxApi api, RateBudget.Lease lease, Clock clock) {
        return new TokenProbe(() -> {
            Instant now = clock.instant();
            api.enquiryDetails(TimeWindow.of(now.minus(Duration.ofMinutes(1)), now), PageRequest.first(1));
        }, lease);
    }

    /**
     * Checks the token once a check is due and a permit comes within a second; {@code refusals} says what the
     * task heard, for the message.
     *
     * @throws ConnectException naming the settings to fix, when CINNOX refuses the token or the App
     */
    Outcome check(String refusals, Instant now) {
        if (now.isBefore(nextAt) || !lease.tryAcquire(CinnoxSourceTask.MAX_BLOCK)) {
            return Outcome.LATER;
        }
        attempts++;
        try {
            request.run();
            return settle(Outcome.ACCEPTED);
        } catch (FatalApiException e) {
            if (e.reason() == FatalApiException.Reason.INVALID_TOKEN
                    || e.reason() == FatalApiException.Reason.INVALID_APP) {
                throw new ConnectException(refusedMessage(refusals, e), e);
            }
            return failed(refusals, now, now, e);
        } catch (RateLimitedException e) {
            lease.budget().pauseUntil(e.retryAt());
            return failed(refusals, now, e.retryAt(), e);
        } catch (CinnoxApiException e) {
            return failed(refusals, now, now, e);
        }
    }

    static String refusedMessage(String refusals, FatalApiException e) {
        return FatalErrors.explain(e) + " It was refused first to " + refusals + "; this task's own check was"
                + " refused too. Fix " + CinnoxSourceConfig.APP_TOKEN_CONFIG + " (or "
                + CinnoxSourceConfig.APP_ID_CONFIG + "), then restart the failed tasks.";
    }

    /** Neither a refusal nor an answer: asks again after a backoff and not before {@code notBefore}, or gives up. */
    private Outcome failed(String refusals, Instant now, Instant notBefore, CinnoxApiException e) {
        if (attempts >= MAX_ATTEMPTS) {
            log.warn("Could not check the App Token after CINNOX refused it to {}: {} ({} attempts); the task goes on"
                    + " and learns at its own next request", refusals, e.getMessage(), attempts);
            return settle(Outcome.GAVE_UP);
        }
        Instant next = now.plus(backoff.next());
        nextAt = next.isBefore(notBefore) ? notBefore : next;
        Duration wait = Duration.between(now, nextAt);
        log.warn("Could not check the App Token after CINNOX refused it to {}: {}; asks again in {} (attempt {} of {})",
                refusals, e.getMessage(), wait, attempts, MAX_ATTEMPTS);
        return Outcome.LATER;
    }

    /** A check ended: the next one, for a later refusal, starts afresh. */
    private Outcome settle(Outcome outcome) {
        attempts = 0;
        backoff.reset();
        nextAt = Instant.MIN;
        return outcome;
    }
}
