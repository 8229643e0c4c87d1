package io.kafkaconnect.cinnox.webhook;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the App's enquiry event subscription (PATCH enabled=false) when the user set
 * webhook.deregister, retrying with backoff until CINNOX confirms, in the background so the connector
 * starts at once.
 */
public final class SubscriptionRemoval implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRemoval.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    /** CINNOX requires a url even for removal; it names nothing then. */
    static final String NO_URL = "https://removed.invalid/";

    private final CinnoxApi api;
    private final String url;
    private final ScheduledExecutorService timer;
    private volatile boolean removed;
    private Duration retry = FIRST_RETRY;

    /** @param url the registered URL if known, sent along because CINNOX requires one; null for none */
    public SubscriptionRemoval(CinnoxApi api, String url) {
        this.api = api;
        this.url = url == null ? NO_URL : url;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cinnox-webhook-removal");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        timer.execute(this::remove);
    }

    boolean removed() {
        return removed;
    }

    private void remove() {
        try {
            EventSubscription result = api.updateEnquiryEventSubscription(false, url);
            if (!Boolean.TRUE.equals(result.enabled())) {
                removed = true;
                log.info("Enquiry event subscription removed from CINNOX (webhook.deregister=true); CINNOX sends "
                        + "no more enquiry events to this connector");
                return;
            }
            log.warn("CINNOX still reports the enquiry event subscription as enabled; retrying in {}", retry);
        } catch (CinnoxApiException | IllegalArgumentException e) {
            if (timer.isShutdown()) {
                return;
            }
            log.warn("Could not remove the enquiry event subscription: {}; retrying in {}", e.getMessage(), retry);
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::remove, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
        Duration doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        api.close();
    }
}
