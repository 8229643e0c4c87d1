package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.ledger.LateCursor;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.LegacyTracked;
import io.kafkaconnect.cinnox.ledger.RescanState;
import io.kafkaconnect.cinnox.offset.TrackedRecords;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.work.TimeRange;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the cursor of a windowed unit written before ledgers existed: its tracked records become open
 * rows of their buckets' ledgers, and a seed pass is set up to record, without sending them again, the
 * rows the older connector already sent inside the late-row horizon.
 */
final class LedgerUpgrade {

    private static final Logger log = LoggerFactory.getLogger(LedgerUpgrade.class);

    private LedgerUpgrade() {
    }

    static WindowCursor upgrade(WorkUnit unit, WindowCursor cursor, TrackedRecords tracked, TimeRange range,
            LedgerBook book) {
        List<LegacyTracked.Entry> entries = tracked.versions().entrySet().stream()
                .map(e -> new LegacyTracked.Entry(e.getKey(), e.getValue().version(), e.getValue().windowTime()))
                .toList();
        book.seed(LegacyTracked.seed(entries, book.grain()));
        long position = cursor.windowStart();
        boolean read = !cursor.done() && position > range.start().toEpochMilli();
        RescanState rescan = read ? RescanState.NONE.withSeedUntil(position) : RescanState.NONE;
        if (!entries.isEmpty() || read) {
            log.info("{}: offset from before ledgers: {} tracked records moved to ledgers{}", unit, entries.size(),
                    read ? "; rows read up to " + Instant.ofEpochMilli(position) + " are recorded by a seed pass" : "");
        }
        return cursor.withLate(LateCursor.NONE.withRescan(rescan));
    }
}
