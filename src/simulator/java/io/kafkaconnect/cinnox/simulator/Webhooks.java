package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts enquiry events (SPEC 6.1) to each App's active subscription as the sim clock passes their time: an
 * enquiry's creation as Opened, then each status of its timeline as Handling, Missed or Closed. One attempt per
 * event with a 5 s timeout by default, in event order; a live clock delivers from a background thread, a
 * fixed clock when a test calls {@link #deliverDue()}. Every attempt is recorded for tests.
 */
public final class Webhooks implements AutoCloseable {

    /** One enquiry event of the timeline: {@code seq} orders the events of one enquiry at the same instant. */
    public record Event(Instant at, String eid, int seq, String status, String body) {
    }

    /**
     * One delivery attempt.
     *
     * @param sentAt wall-clock time the request was sent
     * @param answeredAt wall-clock time the answer (or failure) came
     * @param httpStatus the answer's status, or -1 when the request failed
     */
    public record Delivery(String appId, String url, Event event, int attempt, Instant sentAt, Instant answeredAt,
                           int httpStatus, String error) {

        public boolean ok() {
            return httpStatus >= 200 && httpStatus < 300;
        }

        public Duration roundTrip() {
            return Duration.between(sentAt, answeredAt);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataStore store;
    private final Apps apps;
    private final Subscriptions subscriptions;
    private final SimClock clock;
    private final Map<String, Instant> deliveredUpTo = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private volatile int attempts = 1;
    private ScheduledExecutorService background;

    Webhooks(DataStore store, Apps apps, Subscriptions subscriptions, SimClock clock) {
        this.store = store;
        this.apps = apps;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Delivers continuously every {@code every} (for a live clock). */
    synchronized void startBackground(Duration every) {
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cinnox-sim-webhooks");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                System.getLogger(Webhooks.class.getName()).log(System.Logger.Level.WARNING, "webhook delivery failed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Attempts per event (default 1, SPEC A-16); more turns on the retry mode with a short back-off. */
    public void attempts(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("attempts must be positive");
        }
        attempts = value;
    }

    /**
     * Posts, for every App with an active subscription, the events after the last delivered one up to the sim
     * clock's now, in order; returns how many events were due.
     */
    public synchronized int deliverDue() {
        Instant now = clock.now();
        int due = 0;
        for (String appId : List.copyOf(subscriptions.activeAppIds())) {
            Optional<Subscriptions.Subscription> sub = subscriptions.active(appId);
            Optional<SimAccount> app = apps.byAppId(appId);
            if (sub.isEmpty() || app.isEmpty()) {
                continue;
            }
            Instant from = deliveredUpTo.getOrDefault(appId, sub.get().since());
            from = from.isBefore(sub.get().since()) ? sub.get().since() : from;
            List<Event> events = events(app.get().serviceAccountId(), from, now);
            for (Event event : events) {
                deliver(appId, sub.get().url(), event);
            }
            deliveredUpTo.put(appId, now);
            due += events.size();
        }
        return due;
    }

    /** Events of the account with {@code from < at <= to}, in delivery order. */
    List<Event> events(String serviceAccountId, Instant from, Instant to) {
        List<Event> out = new ArrayList<>();
        long firstDay = Math.floorDiv(from.getEpochSecond(), 86_400) - store.lookBackDays();
        long lastDay = Math.floorDiv(to.getEpochSecond(), 86_400);
        for (long d = firstDay; d <= lastDay; d++) {
            for (Enquiry e : store.day(serviceAccountId, d).enquiries()) {
                for (Event event : timeline(e)) {
                    if (event.at().isAfter(from) && !event.at().isAfter(to)) {
                        out.add(event);
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Event::at).thenComparing(Event::eid).thenComparingInt(Event::seq));
        return out;
    }

    /** Opened at creation, then every status of the timeline mapped as SPEC 6.1 says. */
    static List<Event> timeline(Enquiry e) {
        List<Event> events = new ArrayList<>();
        events.add(event(e, 0, e.createdAt(), "Opened"));
        for (int i = 0; i < e.steps().size(); i++) {
            Step step = e.steps().get(i);
            events.add(event(e, i + 1, step.at(), webhookStatus(step.status())));
        }
        return events;
    }

    /** The webhook status of an enquiry-detail status (the reverse of SPEC 6.1's mapping). */
    static String webhookStatus(String reportStatus) {
        return switch (reportStatus) {
            case "open" -> "Opened";
            case "ongoing", "followed-up" -> "Handling";
            case "missed" -> "Missed";
            case "closed" -> "Closed";
            default -> throw new IllegalArgumentException("unknown enquiry status " + reportStatus);
        };
    }

    private static Event event(Enquiry e, int seq, Instant at, String status) {
        String channel = webhookChannel(e.channel());
        ObjectNode body = MAPPER.createObjectNode()
                .put("status", status)
                .put("serviceId", e.svcID())
                .put("displayCaseNumber", e.displayCaseNumber())
                .put("eid", e.id())
                .put("type", "inquiry")
                .put("channel", channel)
                .put("channelOri", channel.equals("CINNOX") ? "CINNOX" : "Channel")
                .put("socialId", List.of("FACEBOOK", "LINE", "WHATSAPP", "WOZTELL").contains(channel) ? e.visitor() : "")
                .put("date", Timestamps.format(at))
                .put("destination", e.destination().id())
                .put("destinationTypes", e.destination().type().equals("STAFF") ? "ServiceGroup" : "IVR");
        return new Event(at, e.id(), seq, status, body.toString());
    }

    private static String webhookChannel(String reportChannel) {
        return switch (reportChannel) {
            case "WHATSAPP", "FACEBOOK", "WECHAT", "LINE", "WOZTELL" -> reportChannel;
            case "Email" -> "EMAIL";
            case "ThirdParty" -> "THIRDPARTY";
            default -> "CINNOX";
        };
    }

    private void deliver(String appId, String url, Event event) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Delivery delivery = post(appId, url, event, attempt);
            deliveries.add(delivery);
            if (delivery.ok()) {
                return;
            }
            pause(Duration.ofMillis(100L * attempt));
        }
    }

    private Delivery post(String appId, String url, Event event, int attempt) {
        Instant sent = Instant.now();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event.body())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(appId, url, event, attempt, sent, Instant.now(), response.statusCode(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Delivery(appId, url, event, attempt, sent, Instant.now(), -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(appId, url, event, attempt, sent, Instant.now(), -1, e.toString());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every attempt so far, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
