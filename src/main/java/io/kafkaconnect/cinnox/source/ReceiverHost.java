package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.poll.EventRereads;
import io.kafkaconnect.cinnox.poll.PollContext;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.schedule.Sleeper;
import io.kafkaconnect.cinnox.webhook.EnquiryEventReceiver;
import io.kafkaconnect.cinnox.webhook.EventRecords;
import io.kafkaconnect.cinnox.webhook.PendingEvent;
import io.kafkaconnect.cinnox.webhook.SubscriptionKeeper;
import io.kafkaconnect.cinnox.webhook.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The enquiry event side of a task: the receiver, the subscription that points CINNOX at it, and the hours its
 * events ask to be read again. A task that does not receive holds an empty host, so that poll() asks it the
 * same questions either way.
 */
final class ReceiverHost implements AutoCloseable {

    static final int MAX_EVENTS_PER_POLL = 500;

    private final Clock clock;
    private final Sleeper sleeper;
    private final EventRecords records;
    private volatile EnquiryEventReceiver receiver;
    private volatile SubscriptionKeeper keeper;
    private volatile EventRereads rereads;

    private ReceiverHost(Clock clock, Sleeper sleeper, EventRecords records, EnquiryEventReceiver receiver) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.records = records;
        this.receiver = receiver;
    }

    /** The host of a task without the receiver: no events, and idling sleeps. */
    static ReceiverHost none(Clock clock, Sleeper sleeper) {
        return new ReceiverHost(clock, sleeper, null, null);
    }

    /**
     * Listens for enquiry events first, then registers the subscription, whose challenge needs the listener,
     * then loads the hours still to be read again; closes what it started when a later part fails.
     */
    static ReceiverHost start(CinnoxTaskConfig task, PollContext ctx, CinnoxApi api, RateBudget budget,
            OffsetStorageReader offsets, Clock clock, Sleeper sleeper) {
        CinnoxSourceConfig config = task.connector();
        WebhookSettings settings = config.webhook();
        EnquiryEventReceiver receiver = EnquiryEventReceiver.start(settings, clock);
        ReceiverHost host = new ReceiverHost(clock, sleeper, new EventRecords(config.appId(), settings.topic()),
                receiver);
        try {
            host.keeper = new SubscriptionKeeper(api, settings, () -> budget.tryAcquire(CinnoxSourceTask.MAX_BLOCK));
            host.keeper.start();
            host.rereads = EventRereads.create(task, ctx, offsets, host.records.partition()).orElse(null);
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** A task that only hosts the receiver fails on a refused token as a reading task does. */
    void failIfCredentialsRefused() {
        SubscriptionKeeper registration = keeper;
        if (registration != null) {
            registration.refusedCredentials().ifPresent(e -> {
                throw new ConnectException(FatalErrors.explain(e), e);
            });
        }
    }

    /** Events the receiver holds, as records; the receiver's senders wait until Kafka has them. */
    List<SourceRecord> received() throws InterruptedException {
        EnquiryEventReceiver events = receiver;
        if (events == null) {
            return List.of();
        }
        List<SourceRecord> taken = new ArrayList<>();
        List<PendingEvent> pending = events.buffer().take(MAX_EVENTS_PER_POLL, Duration.ZERO);
        EventRereads asked = rereads;
        Map<String, Object> requests = asked == null || pending.isEmpty() ? Map.of()
                : asked.noted(pending.stream().map(PendingEvent::event).toList(), clock.instant());
        for (PendingEvent event : pending) {
            taken.add(records.record(event, requests));
        }
        return taken;
    }

    /** The records of one step of the hours events asked to read again, when one is due and the budget allows. */
    List<SourceRecord> reread(Instant now, RateBudget budget) {
        EventRereads asked = rereads;
        if (asked != null && asked.due(now) && budget.tryAcquire(CinnoxSourceTask.MAX_BLOCK)) {
            return asked.step(now);
        }
        return List.of();
    }

    /** Waits {@code wait}; a receiving task wakes as soon as an event arrives. */
    void idle(Duration wait) throws InterruptedException {
        EnquiryEventReceiver events = receiver;
        if (events != null) {
            events.buffer().awaitEvent(wait);
        } else {
            sleeper.sleep(wait);
        }
    }

    /** Kafka has {@code record} (or Connect let it go): its event's sender gets its answer. */
    void committed(SourceRecord record) {
        if (record instanceof EventRecords.EventRecord event) {
            event.pending().markWritten();
        }
        EventRereads asked = rereads;
        if (asked != null) {
            asked.acked(record);
        }
    }

    /** The receiver's part of the minute's progress line; empty unless this task hosts it. */
    Optional<String> progress() {
        EnquiryEventReceiver events = receiver;
        return events == null ? Optional.empty()
                : Optional.of(events.stats() + "; " + events.buffer().size() + " events buffered");
    }

    /** The enquiry event receiver, or null unless this task hosts it. */
    EnquiryEventReceiver receiver() {
        return receiver;
    }

    /** Idempotent: stops registering, then stops listening. */
    @Override
    public void close() {
        SubscriptionKeeper registration = keeper;
        keeper = null;
        if (registration != null) {
            registration.close();
        }
        EnquiryEventReceiver events = receiver;
        receiver = null;
        if (events != null) {
            events.close();
        }
    }
}
