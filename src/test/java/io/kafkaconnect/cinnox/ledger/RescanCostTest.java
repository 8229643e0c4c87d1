package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The steady-state cost of the re-scans at the default settings, run through {@link RescanSchedule} itself
 * over one simulated day, for an account with 5,000 enquiries a day (the volumes of the simulator's
 * {@code Volume.perDay(5000)}: as many calls and SMS, a call-log row per call and conference, 500
 * conferences, 100 campaigns), rows spread evenly, pages of 500, and (the worst case) every bucket of
 * enquiries and campaigns still holding an open row after the horizon. docs/design/connector.md quotes
 * the figures this test pins.
 */
class RescanCostTest {

    private static final int PAGE = 500;
    private static final Instant START = Instant.parse("2026-01-10T00:00:00Z");

    /** Rows per day of each windowed report, and whether its buckets keep open rows past the horizon. */
    private record Load(int perDay, boolean openPastHorizon) {
    }

    private static final Map<String, Load> ACCOUNT = new LinkedHashMap<>();

    static {
        ACCOUNT.put("enquiry-detail", new Load(5_000, true));
        ACCOUNT.put("call-detail", new Load(5_000, false));
        ACCOUNT.put("call-log", new Load(5_500, false));
        ACCOUNT.put("conference-detail", new Load(500, false));
        ACCOUNT.put("sms-detail", new Load(5_000, false));
        ACCOUNT.put("sent-campaigns-summary", new Load(100, true));
    }

    @Test
    void requestsPerHourAtDefaultSettings() {
        RescanSchedule schedule = new RescanSchedule(RescanScheduleTest.DEFAULTS);
        Map<RescanTier, Long> perDay = new EnumMap<>(RescanTier.class);
        Map<String, Long> perReport = new LinkedHashMap<>();
        ACCOUNT.forEach((report, load) -> {
            Map<RescanTier, Long> requests = day(schedule, load);
            requests.forEach((tier, n) -> perDay.merge(tier, n, Long::sum));
            perReport.put(report, requests.values().stream().mapToLong(Long::longValue).sum());
        });
        System.out.println("Re-scan requests per hour by report: " + perHour(perReport));
        System.out.println("Re-scan requests per hour by tier: " + perHour(perDay));
        assertEquals(Map.of(RescanTier.RECENT, 72L, RescanTier.HORIZON, 48L, RescanTier.LOOKBACK, 92L), perHour(perDay));
    }

    /** Requests of one report over the second simulated day (the first fills the bands), by tier. */
    private static Map<RescanTier, Long> day(RescanSchedule schedule, Load load) {
        Map<RescanTier, Instant> last = new EnumMap<>(RescanTier.class);
        Map<RescanTier, Long> requests = new EnumMap<>(RescanTier.class);
        NavigableSet<Instant> open = new TreeSet<>();
        Instant historyStart = START.minus(Duration.ofDays(4));
        for (Instant now = START; now.isBefore(START.plus(Duration.ofDays(2))); now = now.plus(Duration.ofMinutes(1))) {
            Span read = new Span(historyStart, schedule.settings().settled(now));
            if (load.openPastHorizon()) {
                Bucket.covering(historyStart, read.end(), schedule.settings().grain()).forEach(b -> open.add(b.start()));
            }
            Optional<RescanTier> tier;
            while ((tier = schedule.due(last, now, read, open)).isPresent()) {
                long n = pass(schedule, tier.get(), now, read, open, load);
                if (!now.isBefore(START.plus(Duration.ofDays(1)))) {
                    requests.merge(tier.get(), n, Long::sum);
                }
                last.put(tier.get(), now);
            }
        }
        return requests;
    }

    private static long pass(RescanSchedule schedule, RescanTier tier, Instant now, Span read,
            NavigableSet<Instant> open, Load load) {
        Span span = schedule.span(tier, now, read, open);
        long requests = 0;
        Optional<Span> window = schedule.nextWindow(tier, span, span.start(), open);
        while (window.isPresent()) {
            long rows = load.perDay() * Duration.between(window.get().start(), window.get().end()).toMillis()
                    / Duration.ofDays(1).toMillis();
            requests += pages(rows);
            window = schedule.nextWindow(tier, span, window.get().end(), open);
        }
        return requests;
    }

    /** Requests to page through {@code rows} with the drift check: pages after the first overlap by one row. */
    static long pages(long rows) {
        long requests = 1;
        for (long offset = 0; rows - offset >= PAGE; offset += PAGE - 1) {
            requests++;
        }
        return requests;
    }

    private static <K> Map<K, Long> perHour(Map<K, Long> perDay) {
        Map<K, Long> hourly = new LinkedHashMap<>();
        perDay.forEach((k, n) -> hourly.put(k, Math.round(n / 24.0)));
        return hourly;
    }
}
