package io.kafkaconnect.cinnox.inflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChildFetchesTest {

    /** Answers completed by hand, in any order. */
    private final Map<String, CompletableFuture<String>> answers = new LinkedHashMap<>();
    private final List<String> sentOrder = new ArrayList<>();
    private int room = Integer.MAX_VALUE;

    private Optional<InFlight<String>> send(String key) {
        if (room == 0) {
            return Optional.empty();
        }
        room--;
        sentOrder.add(key);
        CompletableFuture<String> future = new CompletableFuture<>();
        answers.put(key, future);
        return Optional.of(new InFlight<>(future));
    }

    @Test
    void sendsTheNextChildrenAheadButOnlyUpToItsWindow() {
        ChildFetches<String, String> fetches = new ChildFetches<>(3);
        assertEquals(3, fetches.sendAhead(List.of("a", "b", "c", "d", "e"), 10, this::send));
        assertEquals(List.of("a", "b", "c"), sentOrder);
        assertEquals(0, fetches.sendAhead(List.of("a", "b", "c", "d", "e"), 10, this::send), "nothing sent twice");
    }

    @Test
    void answersAreTakenInCursorOrderWhateverOrderTheyArriveIn() {
        ChildFetches<String, String> fetches = new ChildFetches<>(3);
        fetches.sendAhead(List.of("a", "b", "c"), 10, this::send);
        answers.get("c").complete("C");
        answers.get("b").complete("B");

        assertTrue(fetches.waitingFor("a"));
        assertEquals(Optional.empty(), fetches.take("a"), "the head is not there yet");
        assertTrue(fetches.answered("b"));

        answers.get("a").complete("A");
        assertEquals(Optional.of("A"), fetches.take("a"));
        assertFalse(fetches.answered("a"), "an answer is taken once");
        assertEquals(Optional.of("B"), fetches.take("b"));
        assertEquals(1, fetches.sendAhead(List.of("c", "d"), 10, this::send), "the window slides");
        assertEquals(Optional.of("C"), fetches.take("c"));
    }

    @Test
    void atMostTheNumberAskedForIsSentAtOnce() {
        ChildFetches<String, String> fetches = new ChildFetches<>(4);
        assertEquals(1, fetches.sendAhead(List.of("a", "b", "c"), 1, this::send));
        assertEquals(1, fetches.sendAhead(List.of("a", "b", "c"), 1, this::send));
        assertEquals(List.of("a", "b"), sentOrder);
    }

    @Test
    void sendingStopsAtTheFirstRefusalAndGoesOnLater() {
        ChildFetches<String, String> fetches = new ChildFetches<>(4);
        room = 2;
        assertEquals(2, fetches.sendAhead(List.of("a", "b", "c", "d"), 10, this::send));
        room = 5;
        assertEquals(2, fetches.sendAhead(List.of("a", "b", "c", "d"), 10, this::send));
        assertEquals(List.of("a", "b", "c", "d"), sentOrder);
    }

    @Test
    void aFailedPageIsDroppedSoItIsSentAgain() {
        ChildFetches<String, String> fetches = new ChildFetches<>(2);
        fetches.sendAhead(List.of("a", "b"), 10, this::send);
        IllegalStateException failure = new IllegalStateException("6451001");
        answers.get("a").completeExceptionally(failure);

        assertSame(failure, assertThrows(IllegalStateException.class, () -> fetches.take("a")));
        assertEquals(1, fetches.sendAhead(List.of("a", "b"), 10, this::send));
        assertEquals(List.of("a", "b", "a"), sentOrder);
    }

    @Test
    void pagesNoLongerWantedAreCancelledAndCancelAllForgetsEverything() {
        ChildFetches<String, String> fetches = new ChildFetches<>(2);
        fetches.sendAhead(List.of("a@0", "b@0"), 10, this::send);
        fetches.sendAhead(List.of("a@500", "b@0"), 10, this::send);
        assertTrue(answers.get("a@0").isCancelled());
        assertFalse(answers.get("b@0").isCancelled());
        assertEquals(2, fetches.size());

        fetches.cancelAll();
        assertTrue(answers.get("b@0").isCancelled());
        assertEquals(0, fetches.size());
    }

    @Test
    void theHeadMustAlwaysBeFetched() {
        assertThrows(IllegalArgumentException.class, () -> new ChildFetches<String, String>(0));
    }
}
