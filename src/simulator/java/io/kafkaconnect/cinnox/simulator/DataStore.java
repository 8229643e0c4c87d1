package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The synthetic data of every service account, generated lazily one day at a time and cached. A day's data is a pure
 * function of (seed, account, day); days before the configured history start have no data.
 */
final class DataStore {

    private static final int MAX_CACHED_DAYS = 2_000;

    private record DayKey(String account, long epochDay) {
    }

    private final long seed;
    private final Volume volume;
    private final long firstDay;
    private final DataSwitches switches;
    private final Map<String, Roster> rosters = new ConcurrentHashMap<>();
    private final Map<DayKey, DayData> days = new ConcurrentHashMap<>();

    DataStore(long seed, Volume volume, long firstDay, DataSwitches switches) {
        this.seed = seed;
        this.volume = volume;
        this.firstDay = firstDay;
        this.switches = switches;
    }

    DataSwitches switches() {
        return switches;
    }

    /** Days before a time span whose rows may still change within it (see {@link DataSwitches#lookBackDays()}). */
    int lookBackDays() {
        return switches.lookBackDays();
    }

    long seed() {
        return seed;
    }

    Roster roster(String account) {
        return rosters.computeIfAbsent(account, a -> Roster.of(seed, a));
    }

    DayData day(String account, long epochDay) {
        if (epochDay < firstDay) {
            return DayData.EMPTY;
        }
        if (days.size() > MAX_CACHED_DAYS) {
            days.clear();
        }
        return days.computeIfAbsent(new DayKey(account, epochDay),
                k -> DayData.generate(seed, roster(account), volume, epochDay, switches));
    }

    /** Rows of a windowed endpoint visible at {@code now} whose window field lies in the window, ascending. */
    List<SimRecord> window(String account, Endpoint endpoint, Instant from, Instant to, boolean inclusiveEnd, Instant now) {
        List<SimRecord> out = new ArrayList<>();
        long last = Math.min(Math.floorDiv(to.getEpochSecond(), 86_400), Math.floorDiv(now.getEpochSecond(), 86_400));
        for (long d = Math.max(firstDay, Math.floorDiv(from.getEpochSecond(), 86_400)); d <= last; d++) {
            for (SimRecord r : day(account, d).rows(endpoint)) {
                Instant t = r.windowTime();
                boolean beforeEnd = inclusiveEnd ? !t.isAfter(to) : t.isBefore(to);
                if (!t.isBefore(from) && beforeEnd && !r.visibleAt().isAfter(now)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Every row that exists between the two days (both inclusive), regardless of visibility. */
    List<SimRecord> allRows(String account, long fromDay, long toDay) {
        List<SimRecord> out = new ArrayList<>();
        for (long d = Math.max(firstDay, fromDay); d <= toDay; d++) {
            out.addAll(day(account, d).all());
        }
        return out;
    }

    /** An enquiry by its {@code inquiry} id or its {@code displayCaseNumber}. */
    Optional<Enquiry> enquiry(String account, String idOrCase) {
        Optional<IdCodec.Slot> slot = IdCodec.decodeUuid(idOrCase).or(() -> IdCodec.decodeCaseNumber(idOrCase));
        return find(account, slot, DayData::enquiries,
                e -> e.inquiry().equals(idOrCase) || e.displayCaseNumber().equals(idOrCase));
    }

    Optional<Call> call(String account, String callID) {
        return find(account, IdCodec.decodeUuid(callID), DayData::calls, c -> c.callID().equals(callID));
    }

    Optional<Conference> conference(String account, String conferenceID) {
        return find(account, IdCodec.decodeUuid(conferenceID), DayData::conferences,
                c -> c.conferenceID().equals(conferenceID));
    }

    Optional<Campaign> campaign(String account, String historyID) {
        return find(account, IdCodec.decodeHistoryId(historyID), DayData::campaigns, c -> c.id().equals(historyID));
    }

    List<ChatMessage> chat(String account, Enquiry enquiry) {
        return new ChatScript(seed, enquiry).messages();
    }

    private <T> Optional<T> find(String account, Optional<IdCodec.Slot> slot, Function<DayData, List<T>> kind,
                                 java.util.function.Predicate<T> matches) {
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        List<T> rows = kind.apply(day(account, slot.get().epochDay()));
        return rows.stream().filter(matches).findFirst();
    }
}
