package io.kafkaconnect.cinnox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaconnect.cinnox.client.ApiEndpoint;
import io.kafkaconnect.cinnox.client.ApiFailure;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.schedule.Scheduler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionKeeperTest {

    /** Runs what is scheduled when the test says so. */
    private static final class ManualTimer implements Scheduler.Timer {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void schedule(Runnable task, Duration delay) {
            queue.add(task);
        }

        @Override
        public void shutdown() {
            queue.clear();
        }

        void runAll(int max) {
            for (int i = 0; i < max && !queue.isEmpty(); i++) {
                queue.poll().run();
            }
        }
    }

    /** A client whose subscription call always fails with {@code reason}; counts the calls. */
    private static CinnoxApi refusing(FatalApiException.Reason reason, AtomicInteger calls) {
        return (CinnoxApi) Proxy.newProxyInstance(CinnoxApi.class.getClassLoader(), new Class<?>[] {CinnoxApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("updateEnquiryEventSubscription")) {
                        calls.incrementAndGet();
                        throw new FatalApiException(new ApiFailure(ApiEndpoint.INQUIRY_EVENT_SUBSCRIPTION, 401,
                                6452000, "Invalid token", null), reason);
                    }
                    return null;
                });
    }

    private static SubscriptionKeeper keeper(CinnoxApi api, ManualTimer timer) {
        WebhookSettings settings = EnquiryEventReceiverTest.settings(18099, 10, Duration.ofSeconds(5));
        return new SubscriptionKeeper(api, settings, () -> true, new Scheduler("test", timer));
    }

    @Test
    void aRefusedTokenStopsTheKeeperAndIsKeptForTheTaskToFailWith() {
        AtomicInteger calls = new AtomicInteger();
        ManualTimer timer = new ManualTimer();
        SubscriptionKeeper keeper = keeper(refusing(FatalApiException.Reason.INVALID_TOKEN, calls), timer);
        keeper.start();
        timer.runAll(20);

        assertEquals(1, calls.get(), "one request, then no more");
        assertTrue(keeper.refusedCredentials().isPresent());
        assertEquals(FatalApiException.Reason.INVALID_TOKEN, keeper.refusedCredentials().get().reason());
        assertFalse(keeper.registered());
        keeper.close();
    }

    @Test
    void otherRefusalsAreRetriedWithBackoffAndDoNotFailTheTask() {
        AtomicInteger calls = new AtomicInteger();
        ManualTimer timer = new ManualTimer();
        SubscriptionKeeper keeper = keeper(refusing(FatalApiException.Reason.BAD_PARAMETER, calls), timer);
        keeper.start();
        timer.runAll(5);

        assertEquals(5, calls.get(), "retried");
        assertTrue(keeper.refusedCredentials().isEmpty());
        keeper.close();
    }
}
