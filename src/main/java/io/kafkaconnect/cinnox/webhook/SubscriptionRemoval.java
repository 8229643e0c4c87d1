package io.kafkaconnect.cinnox.webhook;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.schedule.Backoff;
import io.kafkaconnect.cinnox.schedule.Scheduler;
import java.time.Duration;
import java.util.Optional;
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
    private final Scheduler scheduler;
    private final Backoff retry = new Backoff(FIRST_RETRY, LONGEST_RETRY);
    private volatile boolean removed;

    /** @param url the registered URL if known, sent along because CINNOX requires one; null for none */
    public SubscriptionRemoval(CinnoxApi api, String url) {
        this(api, url, Scheduler.daemon("cinnox-webhook-removal"));
    }

    SubscriptionRemoval(CinnoxApi api, String url, Scheduler scheduler) {
        this.api = api;
        this.url = url == null ? NO_URL : url;
        this.scheduler = scheduler;
    }

    public void start() {
        scheduler.loop("enquiry event subscription removal", this::remove);
    }

    boolean removed() {
        return removed;
    }

    /** One removal attempt; the delay until the next one, empty once CINNOX confirmed. */
    private Optional<Duration> remove() {
        try {
            EventSubscription result = api.updateEnquiryEventSubscription(false, url);
            if (!Boolean.TRUE.equals(result.enabled())) {
                removed = true;
                log.info("Enquiry event subscription removed from CINNOX (webhook.deregister=true); CINNOX sends "
                        + "no more enquiry events to this connector");
                return Optional.empty();
            }
            log.warn("CINNOX still reports the enquiry event subscription as enabled; retrying in {}", retry.peek());
        } catch (CinnoxApiException | IllegalArgumentException e) {
            if (scheduler.closed()) {
                return Optional.empty();
            }
            log.warn("Could not remove the enquiry event subscription: {}; retrying in {}", e.getMessage(),
                    retry.peek());
        }
        return Optional.of(retry.next());
    }

    @Override
    public void close() {
        scheduler.close();
        api.close();
    }
}
