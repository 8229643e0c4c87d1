package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the simulator would serve as of the sim clock's now, without HTTP, paging or faults; plus the timeline of changes.
 * Methods without an account argument use the default App's service account.
 */
public final class GroundTruth {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataStore store;
    private final ReportService service;
    private final SimClock clock;
    private final Subscriptions subscriptions;
    private final String defaultAccount;

    GroundTruth(DataStore store, ReportService service, SimClock clock, Subscriptions subscriptions,
                String defaultAccount) {
        this.store = store;
        this.service = service;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.defaultAccount = defaultAccount;
    }

    /** Rows of a windowed endpoint (e.g. "enquiry-detail") in served order, bounds and order as the behaviour says. */
    public List<JsonNode> records(String endpoint, Instant from, Instant to) {
        return records(defaultAccount, endpoint, from, to);
    }

    public List<JsonNode> records(String serviceAccountId, String endpoint, Instant from, Instant to) {
        Endpoint e = Endpoint.require(endpoint);
        if (!e.windowed() || e == Endpoint.ENQUIRY_OVERVIEW) {
            throw new IllegalArgumentException(endpoint + " is not a windowed list endpoint");
        }
        return nodes(service.windowRows(serviceAccountId, e, from, to, clock.now()));
    }

    /**
     * Rows of the window (as {@link #records}) that became visible more than {@code settle} after the window's end,
     * such as calls longer than that: a connector that reads each window once, {@code settle} after its end, misses
     * them.
     */
    public List<JsonNode> lateRows(String endpoint, Instant from, Instant to, Duration settle) {
        Endpoint e = Endpoint.require(endpoint);
        if (!e.windowed() || e == Endpoint.ENQUIRY_OVERVIEW) {
            throw new IllegalArgumentException(endpoint + " is not a windowed list endpoint");
        }
        return nodes(service.lateRows(defaultAccount, e, from, to, to.plus(settle), clock.now()));
    }

    /**
     * How many rows {@code Traps.lateInsert} has inserted below a reader's offset so far; before their release
     * they are in neither the answers nor {@link #records}.
     */
    public long lateInsertsReleased() {
        return service.lateInsertsReleased();
    }

    /** The chat of an enquiry (by inquiry id or case number), ordered by seq; empty if unknown or not closed yet. */
    public List<JsonNode> chat(String enquiryId) {
        Instant now = clock.now();
        return store.enquiry(defaultAccount, enquiryId).filter(e -> e.closedBy(now))
                .map(e -> nodes(service.chatItems(defaultAccount, e))).orElse(List.of());
    }

    /** Recording files of a call or conference id that are available now. */
    public List<JsonNode> recordings(String callOrConferenceId) {
        boolean conference = callOrConferenceId.startsWith("conf-");
        return nodes(service.recordings(defaultAccount, conference ? null : callOrConferenceId,
                conference ? callOrConferenceId : null, clock.now()));
    }

    public List<JsonNode> campaignRecipients(String historyId) {
        return nodes(service.recipients(defaultAccount, historyId, clock.now()));
    }

    public JsonNode overview(Instant from, Instant to) {
        return node(service.overview(defaultAccount, from, to, clock.now()));
    }

    public List<JsonNode> channelTypes() {
        return nodes(service.channelTypes());
    }

    public List<JsonNode> channelDetails(String channelType) {
        return nodes(service.channelDetails(defaultAccount, channelType));
    }

    /** Changes with {@code from <= at <= min(to, now)}, ordered by time, endpoint and id. */
    public List<Change> changes(Instant from, Instant to) {
        return changes(defaultAccount, from, to);
    }

    public List<Change> changes(String serviceAccountId, Instant from, Instant to) {
        Instant now = clock.now();
        Instant end = to.isAfter(now) ? now : to;
        List<Change> out = new ArrayList<>();
        if (end.isBefore(from)) {
            return out;
        }
        long firstDay = Math.floorDiv(from.getEpochSecond(), 86_400) - store.lookBackDays();
        for (SimRecord r : store.allRows(serviceAccountId, firstDay, Math.floorDiv(end.getEpochSecond(), 86_400))) {
            for (Change c : r.changes()) {
                if (!c.at().isBefore(from) && !c.at().isAfter(end)) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparing(Change::at).thenComparing(Change::endpoint).thenComparing(Change::id));
        return out;
    }

    /** The active enquiry event subscription of an App, as {enabled, url, updatedAt}. */
    public Optional<JsonNode> subscription(String appId) {
        return subscriptions.active(appId).map(s -> node(Subscriptions.response(true, s.url(), s.updatedAt())));
    }

    private static List<JsonNode> nodes(List<JsonItem> items) {
        List<JsonNode> out = new ArrayList<>(items.size());
        for (JsonItem item : items) {
            out.add(node(item));
        }
        return out;
    }

    private static JsonNode node(JsonItem item) {
        try {
            return MAPPER.readTree(ResponseWriter.json(item));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
