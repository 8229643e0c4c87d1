package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.webhook.EnquiryEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which enquiry events are looked up in the ledgers and finds their hours: {@code Opened} events are
 * left to the main pass, and at most {@link #PER_MINUTE} events a clock minute are looked up, the rest being left
 * to the re-scans, so a burst of events never stalls the receiving task on offset reads.
 */
final class EventLookups {

    private static final Logger log = LoggerFactory.getLogger(EventLookups.class);

    /** The most events looked up in the ledgers in a clock minute. */
    static final int PER_MINUTE = 300;

    private final EnquiryLocator locator;
    private Instant minute = Instant.MIN;
    private int thisMinute;
    private long skipped;

    EventLookups(EnquiryLocator locator) {
        this.locator = locator;
    }

    /** The hour of each event's enquiry that a stored ledger holds, by enquiry id; ids not found are left out. */
    Map<String, Bucket> locate(List<EnquiryEvent> events, Instant now) {
        newMinute(now);
        List<String> ids = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        long skippedBefore = skipped;
        for (EnquiryEvent e : events) {
            if ("Opened".equalsIgnoreCase(e.status()) || e.eid().isBlank() || ids.contains(e.eid())) {
                continue;
            }
            if (thisMinute >= PER_MINUTE) {
                skipped++;
                continue;
            }
            thisMinute++;
            ids.add(e.eid());
            Instant at = e.date() != null && e.date().isBefore(now) ? e.date() : now;
            newest = at.isAfter(newest) ? at : newest;
        }
        if (skipped > skippedBefore) {
            log.info("{} enquiry events past the {} lookups a minute were not looked up ({} since the task started); "
                    + "the re-scans within lookback.ms still cover them", skipped - skippedBefore, PER_MINUTE, skipped);
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Bucket> found = locator.locate(ids, newest);
        ids.removeAll(found.keySet());
        if (!ids.isEmpty()) {
            log.info("Enquiry events for {} enquiries not (yet) in the ledgers of the last {} days: {}",
                    ids.size(), EnquiryLocator.SEARCH.toDays(), ids.size() > 5 ? ids.subList(0, 5) + "..." : ids);
        }
        return found;
    }


    private void newMinute(Instant now) {
        Instant m = now.truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute)) {
            minute = m;
            thisMinute = 0;
        }
    }
}
