package io.kafkaconnect.cinnox.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.inflight.InFlight;
import io.kafkaconnect.cinnox.inflight.InFlightRequests;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import io.kafkaconnect.cinnox.report.RecordingUrlMode;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.ReportFormats;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildPrefetchTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-01-09T00:00:00Z");

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final InFlightRequests requests = new InFlightRequests(8, "prefetch-test");
    private final ConcurrentSteps.Sender sender = new ConcurrentSteps.Sender() {
        @Override
        public <T> Optional<InFlight<T>> send(Callable<T> request) {
            return requests.trySend(wait -> true, Duration.ZERO, request);
        }
    };

    @AfterEach
    void close() {
        requests.close();
    }

    private ChildPrefetch prefetch(int ahead) {
        CinnoxApi api = (CinnoxApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CinnoxApi.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("enquiryChat")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    asked.add(args[0] + "@" + ((PageRequest) args[1]).offset());
                    return Page.of(List.of(), (PageRequest) args[1]);
                });
        ChildReader reader = new ChildReader(api, ReportFormats.create(RecordingUrlMode.REDACT), 100,
                EnumSet.of(Report.ENQUIRY_DETAIL, Report.ENQUIRY_CHAT));
        return new ChildPrefetch(reader, ahead);
    }

    private static String chat(String id) {
        return new ChildRef(Report.ENQUIRY_DETAIL, id, 0).encode();
    }

    private static ChildPrefetch.Key key(String id, long offset) {
        return new ChildPrefetch.Key(ChildRef.decode(chat(id)), offset);
    }

    @Test
    void theUnitsOwnChildrenComeFirstThenEachBucketsOldestFirstAtMostAhead() {
        LedgerBook book = new LedgerBook(HOUR, Map.of("app", "a", "report", "enquiry-detail"));
        book.put(new Bucket(T0.plus(HOUR), HOUR), BucketState.EMPTY.withPending(List.of(chat("b2"))));
        book.put(new Bucket(T0, HOUR), BucketState.EMPTY.withPending(List.of(chat("b1"), chat("b1x")))
                .childPageRead(100));
        WindowCursor cursor = WindowCursor.fresh().withPending(List.of(chat("u1")));

        assertEquals(List.of(key("u1", 0), key("b1", 100), key("b1x", 0), key("b2", 0)),
                prefetch(8).wanted(cursor, book));
        assertEquals(List.of(key("u1", 0), key("b1", 100)), prefetch(2).wanted(cursor, book));
        assertEquals(List.of(), prefetch(2).wanted(WindowCursor.fresh(), new LedgerBook(HOUR, Map.of("app", "a"))));
    }

    @Test
    void theHeadWaitsUntilItsAnswerIsHereAndIsThenAppliedWithoutARequest() throws Exception {
        ChildPrefetch ahead = prefetch(4);
        List<ChildPrefetch.Key> wanted = List.of(key("e1", 0), key("e2", 0));
        assertEquals(UnitPoller.StepKind.WAITING, ahead.kind(wanted));
        assertTrue(ahead.sendAhead(wanted, sender));
        assertTrue(ahead.sendAhead(wanted, sender));
        assertEquals(false, ahead.sendAhead(wanted, sender), "both are sent");
        awaitAnswers(2);
        assertEquals(UnitPoller.StepKind.LOCAL, ahead.kind(wanted));

        ahead.read(ChildRef.decode(chat("e1")), 0);
        ahead.read(ChildRef.decode(chat("e2")), 0);
        assertEquals(List.of("e1@0", "e2@0"), new ArrayList<>(asked).stream().sorted().toList(),
                "applying the answers sent nothing more");
    }

    @Test
    void anAnswerNoLongerWantedIsDroppedAndNeverAppliedToTheSameChildLater() throws Exception {
        ChildPrefetch ahead = prefetch(4);
        assertTrue(ahead.sendAhead(List.of(key("e1", 0)), sender));
        awaitAnswers(1);
        assertEquals(UnitPoller.StepKind.WAITING, ahead.kind(List.of(key("e2", 0))), "e1 is dropped");
        assertEquals(UnitPoller.StepKind.WAITING, ahead.kind(List.of(key("e1", 0))), "e1 queued again is asked again");
        ahead.read(ChildRef.decode(chat("e1")), 0);
        assertEquals(2, asked.size(), "read again, not taken from the old answer");
    }

    private void awaitAnswers(long count) throws InterruptedException {
        for (int i = 0; i < 50 && requests.completions() < count; i++) {
            requests.awaitCompletion(requests.completions(), Duration.ofSeconds(5));
        }
        assertEquals(count, requests.completions());
    }
}
