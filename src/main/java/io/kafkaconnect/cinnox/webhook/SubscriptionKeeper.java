package io.kafkaconnect.cinnox.webhook;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the App's enquiry event subscription pointing at the receiver: registers (PATCH enabled=true)
 * once the receiver listens, retries a failed or unverified registration with backoff, and registers again
 * on an interval so a subscription removed elsewhere comes back. It never removes the subscription: a
 * stopping task is usually replaced by another one that registers the same URL.
 */
public final class SubscriptionKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final CinnoxApi api;
    private final WebhookSettings settings;
    private final BooleanSupplier permit;
    private final ScheduledExecutorService timer;
    private volatile boolean registered;
    private Duration retry = FIRST_RETRY;

    /**
     * @param permit takes a request permit from the account's budget; false means try again later
     */
    public SubscriptionKeeper(CinnoxApi api, WebhookSettings settings, BooleanSupplier permit) {
        this.api = api;
        this.settings = settings;
        this.permit = permit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cinnox-webhook-registration");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        timer.execute(this::register);
    }

    /** True once CINNOX confirmed the current registration. */
    public boolean registered() {
        return registered;
    }

    private void register() {
        if (!permit.getAsBoolean()) {
            schedule(FIRST_RETRY);
            return;
        }
        try {
            EventSubscription result = api.updateEnquiryEventSubscription(true, settings.registeredUrl());
            if (Boolean.TRUE.equals(result.enabled())) {
                if (!registered) {
                    log.info("Enquiry event subscription registered with CINNOX for {}",
                            settings.registeredUrlForLogs());
                }
                registered = true;
                retry = FIRST_RETRY;
                schedule(settings.registerInterval());
                return;
            }
            log.warn("CINNOX could not verify {} (the challenge went unanswered or wrong): is webhook.public.url "
                    + "reachable from CINNOX and routed to this worker? Retrying in {}",
                    settings.registeredUrlForLogs(), retry);
        } catch (CinnoxApiException e) {
            log.warn("Could not register the enquiry event subscription: {}; retrying in {}", e.getMessage(), retry);
        } catch (RuntimeException e) {
            log.warn("Could not register the enquiry event subscription; retrying in {}", retry, e);
        }
        registered = false;
        schedule(retry);
        Duration doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(settings.registerInterval()) > 0 ? settings.registerInterval() : doubled;
    }

    private void schedule(Duration delay) {
        if (!timer.isShutdown()) {
            timer.schedule(this::register, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops registering; idempotent. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
