package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * The largest source offset the ledgers make for 100,000 enquiries a day of which 20% stay open for three
 * days, measured as Connect stores it (JSON, schemas off): every bucket inside the one-day horizon keeps
 * all its rows, buckets past it keep their open rows only. docs/design/connector.md quotes these figures.
 */
class LedgerSizeTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-01-10T00:02:00Z");
    private static final int PER_DAY = 100_000;
    private static final int PRODUCER_MAX_REQUEST = 1_048_576;

    @Test
    void largestOffsetWithOneHundredThousandEnquiriesADay() {
        Random random = new Random(42);
        Map<Bucket, Map<Long, Ledger.Mark>> marks = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
        Instant from = NOW.minus(Duration.ofDays(3));
        long span = Duration.ofDays(3).toMillis();
        for (int i = 0; i < 3 * PER_DAY; i++) {
            Instant created = from.plusMillis((long) (random.nextDouble() * span));
            boolean open = random.nextInt(5) == 0;
            marks.computeIfAbsent(Bucket.of(created, HOUR), b -> new HashMap<>()).put(RowHashes.key("enquiry-" + i),
                    new Ledger.Mark(RowHashes.version(open ? "Open|12|l1" : "Closed|340|l1"), open));
        }
        LateSettings settings = RescanScheduleTest.DEFAULTS;
        int largest = 0;
        long total = 0;
        for (Map.Entry<Bucket, Map<Long, Ledger.Mark>> e : marks.entrySet()) {
            Ledger ledger = Ledger.EMPTY.with(e.getValue());
            if (settings.phase(e.getKey(), NOW) != LateSettings.Phase.LATE_ROWS) {
                ledger = ledger.withoutFinal();
            }
            int bytes = jsonBytes(new BucketState(ledger, java.util.List.of(), 0).toOffset());
            largest = Math.max(largest, bytes);
            total += bytes;
        }
        int peak = peakHour();
        System.out.printf("Ledger offsets, 100,000 enquiries a day, 20%% open for 3 days: largest %,d bytes, "
                + "all %d buckets %,d bytes; a peak hour with 12%% of the day: %,d bytes%n", largest, marks.size(),
                total, peak);
        assertTrue(largest < 80_000, largest + " bytes");
        assertTrue(peak < PRODUCER_MAX_REQUEST / 4, peak + " bytes");
    }

    /** One bucket holding 12% of a 100,000-enquiry day, all inside the horizon. */
    private static int peakHour() {
        Map<Long, Ledger.Mark> marks = new HashMap<>();
        for (int i = 0; i < PER_DAY * 12 / 100; i++) {
            marks.put(RowHashes.key("peak-" + i), new Ledger.Mark(RowHashes.version("Closed|1|"), i % 5 == 0));
        }
        return jsonBytes(new BucketState(Ledger.EMPTY.with(marks), java.util.List.of(), 0).toOffset());
    }

    private static int jsonBytes(Map<String, Object> offset) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        return converter.fromConnectData("offsets", null, offset).length;
    }
}
