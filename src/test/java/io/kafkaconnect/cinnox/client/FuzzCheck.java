package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import io.kafkaconnect.cinnox.client.FuzzOracle.Outcome;
import io.kafkaconnect.cinnox.client.FuzzOracle.Shape;
import io.kafkaconnect.cinnox.client.FuzzOracle.Verdict;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The checks shared by both fuzz tests: which call each endpoint type gets, and whether what came out
 * of the client (a value or a throwable) is allowed for the oracle's verdict.
 */
final class FuzzCheck {

    static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2023-11-07T00:00:00Z"),
            Instant.parse("2023-11-07T01:00:00Z"));
    static final String HOOK = "https://hooks.example.org/cinnox/enquiry";

    /** One endpoint of the client, as the fuzz calls it with a page limit. */
    record Target(ApiEndpoint endpoint, Class<?> model, Shape shape, boolean paged,
                  BiFunction<CinnoxClient, Integer, Object> call) {
    }

    static final List<Target> TARGETS = List.of(
            paged(ApiEndpoint.report("enquiry-detail"), EnquiryDetail.class, (c, p) -> c.enquiryDetails(WINDOW, p)),
            paged(ApiEndpoint.report("enquiry-chat"), ChatMessage.class, (c, p) -> c.enquiryChat("E1", p)),
            paged(ApiEndpoint.report("call-detail"), CallDetail.class, (c, p) -> c.callDetails(WINDOW, p)),
            paged(ApiEndpoint.report("call-log"), CallLogEntry.class, (c, p) -> c.callLogs(WINDOW, p)),
            paged(ApiEndpoint.report("conference-detail"), ConferenceDetail.class, (c, p) -> c.conferenceDetails(WINDOW, p)),
            paged(ApiEndpoint.report("sms-detail"), SmsDetail.class, (c, p) -> c.smsDetails(WINDOW, p)),
            paged(ApiEndpoint.report("channel-type-detail"), ChannelDetail.class, (c, p) -> c.channelTypeDetails("WHATSAPP", p)),
            paged(ApiEndpoint.report("sent-campaigns-summary"), CampaignSummary.class, (c, p) -> c.sentCampaignsSummary(WINDOW, p)),
            paged(ApiEndpoint.report("sent-campaigns-detail"), CampaignRecipient.class, (c, p) -> c.sentCampaignsDetails("h1", p)),
            new Target(ApiEndpoint.report("recording-file"), RecordingFile.class, Shape.LIST, false,
                    (c, limit) -> c.recordingFiles(RecordingOwner.call("call-1"))),
            new Target(ApiEndpoint.report("channel-type-list"), ChannelType.class, Shape.LIST, false, (c, limit) -> c.channelTypes()),
            new Target(ApiEndpoint.report("enquiry-overview"), EnquiryOverview.class, Shape.OBJECT, false,
                    (c, limit) -> c.enquiryOverview(WINDOW)),
            new Target(ApiEndpoint.INQUIRY_EVENT_SUBSCRIPTION, EventSubscription.class, Shape.PATCH, false,
                    (c, limit) -> c.updateEnquiryEventSubscription(true, HOOK)));

    private static final int[] LIMITS = {1, 2, 3, 5, 8, 50, 500};

    private final FuzzOracle oracle = new FuzzOracle();
    private final Map<String, Integer> tally = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;
    private int failureCount;

    private static Target paged(ApiEndpoint endpoint, Class<?> model,
                                BiFunction<CinnoxClient, PageRequest, Page<?>> call) {
        return new Target(endpoint, model, Shape.LIST, true, (c, limit) -> call.apply(c, PageRequest.of(100, limit)));
    }

    static int limitFor(int index) {
        return LIMITS[Math.floorMod(index * 31 + 7, LIMITS.length)];
    }

    /**
     * Calls the target once and checks the result against the verdict for the body as sent;
     * {@code damaged} when the transport may have changed the body (then an error is always allowed).
     */
    void check(String label, Target target, int limit, FuzzBodies.Body body, CinnoxClient client, boolean damaged) {
        cases++;
        Verdict verdict = oracle.judge(body.status(), body.bytes(), target.model(), target.shape());
        Object result;
        try {
            result = target.call().apply(client, limit);
        } catch (CinnoxApiException e) {
            count(e.getClass().getSimpleName());
            if (!damaged && verdict.outcome() != Outcome.ERROR && verdict.outcome() != Outcome.EITHER) {
                fail(label, body, "expected " + verdict.outcome() + " but got " + e);
            }
            return;
        } catch (Throwable t) {
            count("FOREIGN " + t.getClass().getSimpleName());
            fail(label, body, "not a CinnoxApiException: " + t);
            return;
        }
        String problem = problemWith(result, verdict, target, limit);
        count(problem == null ? "returned " + verdict.outcome() : "WRONG");
        if (problem != null) {
            fail(label, body, problem);
        }
    }

    private static String problemWith(Object result, Verdict verdict, Target target, int limit) {
        List<?> records = result instanceof Page<?> page ? page.records() : result instanceof List<?> list ? list : null;
        switch (verdict.outcome()) {
            case ERROR:
                return "made up a result from a body that holds none: " + result;
            case EITHER:
                return null;
            case NO_RECORDS:
                if (target.shape() == Shape.OBJECT) {
                    return result.equals(EnquiryOverview.empty(WINDOW.startParam(), WINDOW.endParam())) ? null : "not empty: " + result;
                }
                if (result instanceof Page<?> page && (page.returnedCount() != 0 || !page.isLast())) {
                    return "6451011 but page " + page;
                }
                return records.isEmpty() ? null : "6451011 but records " + records;
            case ECHO:
                EventSubscription echoed = (EventSubscription) result;
                return Boolean.TRUE.equals(echoed.enabled()) && HOOK.equals(echoed.url()) ? null : "echo " + echoed;
            case OBJECT:
                return FuzzOracle.sameStrings(result, verdict.object());
            default:
                return recordsProblem(result, records, verdict, limit);
        }
    }

    private static String recordsProblem(Object result, List<?> records, Verdict verdict, int limit) {
        if (records.size() != verdict.objects().size()) {
            return records.size() + " records, expected " + verdict.objects().size();
        }
        if (result instanceof Page<?> page) {
            int elements = verdict.objects().size() + verdict.nulls();
            if (page.nullCount() != verdict.nulls() || page.returnedCount() != elements
                    || page.isLast() != (elements < limit) || page.requestedLimit() != limit) {
                return "page counts wrong: " + page.size() + "+" + page.nullCount() + " last=" + page.isLast()
                        + ", expected " + verdict.objects().size() + "+" + verdict.nulls() + " of limit " + limit;
            }
        }
        for (int i = 0; i < records.size(); i++) {
            String difference = FuzzOracle.sameStrings(records.get(i), verdict.objects().get(i));
            if (difference != null) {
                return "record " + i + " " + difference;
            }
        }
        return null;
    }

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    private void fail(String label, FuzzBodies.Body body, String problem) {
        failureCount++;
        if (failures.size() < 20) {
            String text = new String(body.bytes(), 0, Math.min(300, body.bytes().length), StandardCharsets.UTF_8);
            failures.add(label + " " + body.kind() + " HTTP " + body.status() + " (" + body.bytes().length + " bytes): "
                    + problem + "\n      body: " + text.replace("\n", "\\n"));
        }
    }

    int failureCount() {
        return failureCount;
    }

    int cases() {
        return cases;
    }

    Map<String, Integer> tally() {
        return tally;
    }

    int count(String... keys) {
        int sum = 0;
        for (String key : keys) {
            sum += tally.getOrDefault(key, 0);
        }
        return sum;
    }

    List<String> failures() {
        return failures;
    }
}
