package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.CinnoxApiException;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.LateSettings;
import io.kafkaconnect.cinnox.ledger.RereadRequests;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.webhook.EnquiryEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop between enquiry events and the poller: an event for an enquiry asks for the enquiry-detail
 * hour (bucket) it is dated in to be read again once the enquiry's unit no longer re-reads it (past
 * {@code lookback.ms}), so a status change after the lookback reaches Kafka once (the bucket's ledger dedupes)
 * and a closed enquiry's chat is read. Runs in the task that hosts the receiver; see docs/design/connector.md,
 * "Enquiry events after the lookback".
 */
public final class EventRereads {

    private static final Logger log = LoggerFactory.getLogger(EventRereads.class);

    /** Extra wait past the unit's lookback, so the unit and this reader never write one bucket at once. */
    static final Duration MARGIN = Duration.ofHours(1);
    /** The most CINNOX requests re-reads spend in a clock minute. */
    static final int REQUESTS_PER_MINUTE = 20;
    static final Duration RETRY = Duration.ofSeconds(30);
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final PollContext ctx;
    private final OffsetStorageReader reader;
    private final EnquiryLocator locator;
    private final EventLookups lookups;
    private final RereadRequests requests;
    private final Map<String, Object> partition;
    private final Set<SourceRecord> unacked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Bucket> finished = new ArrayList<>();
    /** Buckets asked for again while being read or waiting for their removal: read once more. */
    private final Set<Bucket> again = new HashSet<>();
    /** The bucket being read, or null. */
    private HourReread active;
    private Instant nextCheck = Instant.MIN;
    private Instant minute = Instant.MIN;
    private int requestsThisMinute;

    private EventRereads(PollContext ctx, OffsetStorageReader reader, EnquiryLocator locator,
            Map<String, Object> partition) {
        this.ctx = ctx;
        this.reader = reader;
        this.locator = locator;
        this.lookups = new EventLookups(locator);
        this.partition = partition;
        this.requests = RereadRequests.fromOffset(reader.offset(partition), ctx.late().grain());
    }

    /** Re-reads for the receiving task when enquiry-detail is read; empty otherwise. */
    public static Optional<EventRereads> create(CinnoxTaskConfig task, PollContext ctx, OffsetStorageReader reader,
            Map<String, Object> receiverPartition) {
        if (!task.connector().reports().contains(Report.ENQUIRY_DETAIL)) {
            return Optional.empty();
        }
        String app = task.connector().appId();
        EnquiryLocator locator = new EnquiryLocator(app, ctx.late().grain(), task.connector().backfillChunk(),
                ctx.historyStart(), reader);
        EventRereads rereads = new EventRereads(ctx, reader, locator, receiverPartition);
        if (rereads.requests.size() > 0) {
            log.info("{} enquiry-detail hours asked for by enquiry events are still to be read again",
                    rereads.requests.size());
        }
        return Optional.of(rereads);
    }

    /**
     * Notes a batch of events: each one (except {@code Opened}: a new enquiry is read by the main pass) asks
     * for its enquiry's bucket. Returns what the events' records carry in their offset: the requests.
     */
    public Map<String, Object> noted(List<EnquiryEvent> events, Instant now) {
        newMinute(now);
        Map<String, Bucket> found = lookups.locate(events, now);
        if (!found.isEmpty()) {
            nextCheck = Instant.MIN;
        }
        found.forEach((id, bucket) -> {
            if (finished.contains(bucket) || (active != null && active.bucket().equals(bucket))) {
                again.add(bucket);
            }
            if (!requests.add(bucket)) {
                log.warn("Enquiry {}: {} hours already wait to be read again; its hour {} is left to the re-scans",
                        id, RereadRequests.CAP, bucket);
            }
        });
        return Map.of(RereadRequests.OFFSET_KEY, requests.encode());
    }

    /** Whether a step has work: a bucket to read, or a finished one whose records Kafka has acknowledged. */
    public boolean due(Instant now) {
        newMinute(now);
        if (removable().isPresent()) {
            return true;
        }
        if (requestsThisMinute >= REQUESTS_PER_MINUTE || now.isBefore(nextCheck)) {
            return false;
        }
        if (active == null) {
            nextCheck = now.plus(CHECK_EVERY);
            return requests.firstReady(b -> !finished.contains(b) && ready(b, now)).isPresent();
        }
        return true;
    }

    /** One step: stores a finished request's removal, or sends one request for the bucket being read. */
    public List<SourceRecord> step(Instant now) {
        Optional<Bucket> done = removable();
        if (done.isPresent()) {
            finished.remove(done.get());
            if (again.remove(done.get())) {
                nextCheck = Instant.MIN;
            } else {
                requests.remove(done.get());
            }
            return List.of(ctx.maker().heartbeat(locator.unitOf(done.get()), partition,
                    Map.of("v", 1, RereadRequests.OFFSET_KEY, requests.encode())));
        }
        try {
            return track(read(now));
        } catch (FatalApiException e) {
            throw e;
        } catch (CinnoxApiException e) {
            nextCheck = now.plus(RETRY);
            log.warn("Reading enquiry-detail hour {} again for an enquiry event failed ({}); retrying in {}",
                    active == null ? "-" : active.bucket(), e.getMessage(), RETRY);
            return List.of();
        }
    }

    /** Connect acknowledged {@code record}; safe from the producer's thread. */
    public void acked(SourceRecord record) {
        synchronized (unacked) {
            unacked.remove(record);
        }
    }

    private List<SourceRecord> read(Instant now) {
        if (active == null) {
            Optional<Bucket> next = requests.firstReady(b -> !finished.contains(b) && ready(b, now));
            if (next.isEmpty()) {
                return List.of();
            }
            active = HourReread.start(next.get(), locator, reader, ctx);
        }
        if (active.done()) {
            log.info("Enquiry-detail hour {} read again for enquiry events", active.bucket());
            finished.add(active.bucket());
            active = null;
            return List.of();
        }
        requestsThisMinute++;
        return active.step(now);
    }

    private List<SourceRecord> track(List<SourceRecord> records) {
        synchronized (unacked) {
            unacked.addAll(records);
        }
        return records;
    }

    /** A finished bucket whose records were all acknowledged, so its request may go. */
    private Optional<Bucket> removable() {
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        synchronized (unacked) {
            return unacked.isEmpty() ? Optional.of(finished.get(0)) : Optional.empty();
        }
    }

    /**
     * Whether this task may write {@code bucket}: the unit no longer re-reads it (past its lookback and horizon,
     * plus a margin) and its main pass is past it.
     */
    private boolean ready(Bucket bucket, Instant now) {
        LateSettings late = ctx.late();
        if (late.phase(bucket, now.minus(MARGIN)) != LateSettings.Phase.GONE) {
            return false;
        }
        WindowCursor owner = WindowCursor.fromOffset(reader.offset(locator.unitOf(bucket).toPartition()));
        return owner.done() || owner.windowStart() >= bucket.end().toEpochMilli();
    }

    private void newMinute(Instant now) {
        Instant m = now.truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
            minute = m;
            requestsThisMinute = 0;
        }
    }
}
