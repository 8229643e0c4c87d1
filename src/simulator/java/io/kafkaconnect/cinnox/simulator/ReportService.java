package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Answers validated report queries from the data store, as of a given sim-clock instant. */
final class ReportService {

    private final DataStore store;
    private final Behaviour behaviour;

    ReportService(DataStore store, Behaviour behaviour) {
        this.store = store;
        this.behaviour = behaviour;
    }

    Payload serve(String account, ReportQuery q, Instant now) {
        return switch (q.endpoint()) {
            case ENQUIRY_OVERVIEW -> Payload.object(overview(account, q.from(), q.to(), now));
            case ENQUIRY_CHAT -> Payload.list(page(chat(account, q, now), q));
            case RECORDING_FILE -> Payload.list(recordings(account, q, now));
            case CHANNEL_TYPE_LIST -> Payload.list(channelTypes());
            case CHANNEL_TYPE_DETAIL -> Payload.list(page(channelDetails(account, q.parameter("channelType")), q));
            case SENT_CAMPAIGNS_DETAIL -> Payload.list(page(recipients(account, q.parameter("historyID"), now), q));
            default -> Payload.list(page(windowRows(account, q.endpoint(), q.from(), q.to(), now), q));
        };
    }

    /** The rows of a windowed endpoint in served order, before paging. */
    List<JsonItem> windowRows(String account, Endpoint endpoint, Instant from, Instant to, Instant now) {
        List<SimRecord> rows = store.window(account, endpoint, from, to, behaviour.inclusiveEnd(), now);
        if (behaviour.descending()) {
            Collections.reverse(rows);
        }
        List<JsonItem> out = new ArrayList<>(rows.size());
        for (SimRecord r : rows) {
            out.add(g -> r.write(g, now));
        }
        return out;
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
        if (!q.pagingRequested() && e.chatSize() > behaviour.chatSizeLimit()) {
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
