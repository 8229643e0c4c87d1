package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Answers validated report queries from the data store, as of a given sim-clock instant. */
final class ReportService {

    private final DataStore store;
    private final Behaviour behaviour;
    private final Traps traps;
    private final AtomicLong tieTurn = new AtomicLong();

    ReportService(DataStore store, Behaviour behaviour, Traps traps) {
        this.store = store;
        this.behaviour = behaviour;
        this.traps = traps;
    }

    Payload serve(String account, ReportQuery q, Instant now) {
        return switch (q.endpoint()) {
            case ENQUIRY_OVERVIEW -> Payload.object(overview(account, q.from(), q.to(), now));
            case ENQUIRY_CHAT -> Payload.list(page(chat(account, q, now), q));
            case RECORDING_FILE -> Payload.list(recordings(account, q, now));
            case CHANNEL_TYPE_LIST -> Payload.list(channelTypes());
            case CHANNEL_TYPE_DETAIL -> Payload.list(page(channelDetails(account, q.parameter("channelType")), q));
            case SENT_CAMPAIGNS_DETAIL -> Payload.list(page(recipients(account, q.parameter("historyID"), now), q));
            default -> Payload.list(page(servedRows(account, q, now), q));
        };
    }

    /** The rows of a windowed endpoint in served order (ties by id), before paging; held-back rows left out. */
    List<JsonItem> windowRows(String account, Endpoint endpoint, Instant from, Instant to, Instant now) {
        return items(ordered(account, endpoint, from, to, now), account, endpoint, now);
    }

    /** As {@link #windowRows}, for one request: ties may turn, and late inserts are held back or released. */
    private List<JsonItem> servedRows(String account, ReportQuery q, Instant now) {
        List<SimRecord> rows = ordered(account, q.endpoint(), q.from(), q.to(), now);
        if (traps.shuffleTies()) {
            rotateTies(rows, tieTurn.getAndIncrement());
        }
        traps.drift().beforePage(account, q, rows, traps.lateInsert(q.endpoint().pathName()));
        return items(rows, account, q.endpoint(), now);
    }

    private List<SimRecord> ordered(String account, Endpoint endpoint, Instant from, Instant to, Instant now) {
        List<SimRecord> rows = store.window(account, endpoint, from, to, behaviour.inclusiveEnd(), now);
        if (behaviour.descending()) {
            Collections.reverse(rows);
        }
        return rows;
    }

    private List<JsonItem> items(List<SimRecord> rows, String account, Endpoint endpoint, Instant now) {
        PageDrift drift = traps.drift();
        List<JsonItem> out = new ArrayList<>(rows.size());
        for (SimRecord r : rows) {
            if (!drift.held(account, endpoint, r)) {
                out.add(g -> r.write(g, now));
            }
        }
        return out;
    }

    /** The rows of {@link #windowRows} that became visible after {@code readAt}: a reader of the window then missed them. */
    List<JsonItem> lateRows(String account, Endpoint endpoint, Instant from, Instant to, Instant readAt, Instant now) {
        List<SimRecord> late = new ArrayList<>();
        for (SimRecord r : ordered(account, endpoint, from, to, now)) {
            if (r.visibleAt().isAfter(readAt)) {
                late.add(r);
            }
        }
        return items(late, account, endpoint, now);
    }

    /** How many rows held back by {@link Traps#lateInsert} were released below a reader's offset so far. */
    long lateInsertsReleased() {
        return traps.drift().released();
    }

    /** Turns each run of rows with equal sort time by {@code turn} places, so consecutive turns differ. */
    private static void rotateTies(List<SimRecord> rows, long turn) {
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && rows.get(end).windowTime().equals(rows.get(start).windowTime())) {
                end++;
            }
            if (end - start > 1) {
                Collections.rotate(rows.subList(start, end), (int) (turn % (end - start)));
            }
            start = end;
        }
    }

    JsonItem overview(String account, Instant from, Instant to, Instant now) {
        List<SimRecord> rows = store.window(account, Endpoint.ENQUIRY_OVERVIEW, from, to, behaviour.inclusiveEnd(), now);
        List<Enquiry> enquiries = new ArrayList<>(rows.size());
        for (SimRecord r : rows) {
            enquiries.add((Enquiry) r);
        }
        return Overview.of(enquiries, from, to, now);
    }

    private List<JsonItem> chat(String account, ReportQuery q, Instant now) {
        Enquiry e = store.enquiry(account, q.parameter("enquiryID"))
                .orElseThrow(() -> ApiException.badQuery("invalid enquiryID"));
        if (!e.closedBy(now)) {
            return List.of();
        }
        boolean refused = traps.chatRefusedFirst() > 0
                && traps.countChatRequest(account, e.inquiry()) <= traps.chatRefusedFirst()
                || traps.chatPageLimit() > 0 && q.limit() > traps.chatPageLimit()
                || !q.pagingRequested() && e.chatSize() > behaviour.chatSizeLimit();
        if (refused) {
            throw new ApiException(6451013, "Requested chat logs over the limit", 400);
        }
        return chatItems(account, e);
    }

    List<JsonItem> chatItems(String account, Enquiry e) {
        List<JsonItem> out = new ArrayList<>();
        for (ChatMessage m : store.chat(account, e)) {
            out.add(m::write);
        }
        return out;
    }

    List<JsonItem> recordings(String account, String callID, String conferenceID, Instant now) {
        List<Recording> files = List.of();
        if (callID != null) {
            files = store.call(account, callID).filter(c -> !c.visibleAt().isAfter(now)).map(Call::recordings)
                    .orElse(List.of());
        } else if (conferenceID != null) {
            files = store.conference(account, conferenceID).filter(c -> !c.visibleAt().isAfter(now))
                    .map(Conference::recordings).orElse(List.of());
        }
        List<JsonItem> out = new ArrayList<>();
        for (Recording r : files) {
            if (!r.createdAt().isAfter(now)) {
                out.add(g -> r.write(g, now));
            }
        }
        return out;
    }

    private List<JsonItem> recordings(String account, ReportQuery q, Instant now) {
        return recordings(account, q.parameter("callID"), q.parameter("conferenceID"), now);
    }

    List<JsonItem> channelTypes() {
        List<JsonItem> out = new ArrayList<>();
        for (ChannelCatalog.ChannelType t : ChannelCatalog.TYPES) {
            out.add(g -> ChannelCatalog.writeType(g, t));
        }
        return out;
    }

    List<JsonItem> channelDetails(String account, String channelType) {
        List<JsonItem> out = new ArrayList<>();
        ChannelCatalog.type(channelType).ifPresent(t -> {
            for (ChannelCatalog.Channel c : ChannelCatalog.channels(store.seed(), store.roster(account), t)) {
                out.add(c::write);
            }
        });
        return out;
    }

    List<JsonItem> recipients(String account, String historyID, Instant now) {
        List<JsonItem> out = new ArrayList<>();
        store.campaign(account, historyID).filter(c -> !c.date().isAfter(now)).ifPresent(c -> {
            for (Campaign.Recipient r : c.recipients()) {
                out.add(g -> c.writeRecipient(g, r, now));
            }
        });
        return out;
    }

    private static List<JsonItem> page(List<JsonItem> rows, ReportQuery q) {
        if (q.offset() >= rows.size()) {
            return List.of();
        }
        return rows.subList(q.offset(), (int) Math.min(rows.size(), (long) q.offset() + q.limit()));
    }
}
