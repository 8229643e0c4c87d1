package io.kafkaconnect.cinnox.webhook;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.schedule.Backoff;
import io.kafkaconnect.cinnox.schedule.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the App's enquiry event subscription pointing at the receiver: registers (PATCH enabled=true)
 * once the receiver listens, retries a failed or unverified registration with backoff, and registers again
 * on an interval so a subscription removed elsewhere comes back. It never removes the subscription: a
 * stopping task is usually replaced by another one that registers the same URL. When CINNOX refuses the
 * App Token or App ID it stops and keeps the answer, so that the task fails with it as a reading task would.
 */
public final class SubscriptionKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final CinnoxApi api;
    private final WebhookSettings settings;
    private final BooleanSupplier permit;
    private final Scheduler scheduler;
    private final Backoff retry;
    private volatile boolean registered;
    private volatile FatalApiException refused;

    /**
     * @param permit takes a request permit from the account's budget; false means try again later
     */
    public SubscriptionKeeper(CinnoxApi api, WebhookSettings settings, BooleanSupplier permit) {
        this(api, settings, permit, Scheduler.daemon("cinnox-webhook-registration"));
    }

    SubscriptionKeeper(CinnoxApi api, WebhookSettings settings, BooleanSupplier permit, Scheduler scheduler) {
        this.api = api;
        this.settings = settings;
        this.permit = permit;
        this.scheduler = scheduler;
        this.retry = new Backoff(FIRST_RETRY, settings.registerInterval());
    }

    public void start() {
        scheduler.loop("enquiry event registration", this::register);
    }

    /** True once CINNOX confirmed the current registration. */
    public boolean registered() {
        return registered;
    }

    /** CINNOX's answer when it refused the App Token or App ID; the keeper then registers no more. */
    public Optional<FatalApiException> refusedCredentials() {
        return Optional.ofNullable(refused);
    }

    /** One registration attempt; the delay until the next one, empty once the credentials were refused. */
    private Optional<Duration> register() {
        if (!permit.getAsBoolean()) {
            return Optional.of(FIRST_RETRY);
        }
        try {
            EventSubscription result = api.updateEnquiryEventSubscription(true, settings.registeredUrl());
            if (Boolean.TRUE.equals(result.enabled())) {
                if (!registered) {
                    log.info("Enquiry event subscription registered with CINNOX for {}",
                            settings.registeredUrlForLogs());
                }
                registered = true;
                retry.reset();
                return Optional.of(settings.registerInterval());
            }
            log.warn("CINNOX could not verify {} (the challenge went unanswered or wrong): is webhook.public.url "
                    + "reachable from CINNOX and routed to this worker? Retrying in {}",
                    settings.registeredUrlForLogs(), retry.peek());
        } catch (FatalApiException e) {
            if (e.reason() == FatalApiException.Reason.INVALID_TOKEN || e.reason() == FatalApiException.Reason.INVALID_APP) {
                refused = e;
                registered = false;
                log.error("CINNOX refused the credentials while registering the enquiry event subscription: {}",
                        e.getMessage());
                return Optional.empty();
            }
            log.warn("Could not register the enquiry event subscription: {}; retrying in {}", e.getMessage(),
                    retry.peek());
        } catch (CinnoxApiException e) {
            log.warn("Could not register the enquiry event subscription: {}; retrying in {}", e.getMessage(),
                    retry.peek());
        } catch (RuntimeException e) {
            log.warn("Could not register the enquiry event subscription; retrying in {}", retry.peek(), e);
        }
        registered = false;
        return Optional.of(retry.next());
    }

    /** Stops registering; idempotent. */
    @Override
    public void close() {
        scheduler.close();
    }
}
