package io.kafkaconnect.cinnox.config;

import io.kafkaconnect.cinnox.ledger.LateChildPolicy;
import io.kafkaconnect.cinnox.ledger.RetrySchedule;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The settings for child data CINNOX does not give at first (recordings still being processed, chats refused
 * with 6451013) and the {@link LateChildPolicy} they make. Kept apart so {@link CinnoxSourceConfig} stays small.
 */
public final class LateChildConfig {

    static final String GROUP = "Late child data";

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    public static final String RECORDING_WAIT_MAX_CONFIG = "recording.wait.max.ms";
    static final String RECORDING_WAIT_MAX_DOC = "How long after the end of the hour (late.bucket.ms) its call or "
            + "conference is dated in a recording that CINNOX does not have yet (6451011 or an empty answer) is "
            + "asked for again, then given up (an INFO line naming the call, the recordings-given-up-total metric). "
            + "CINNOX adds recordings when processing ends, so a recording read too early would otherwise be lost. "
            + "Recordings of calls older than this when first asked are not waited for; 0 waits for none.";
    static final long RECORDING_WAIT_MAX_DEFAULT = 4 * HOUR;

    public static final String RECORDING_BACKOFF_CONFIG = "recording.retry.backoff.ms";
    static final String RECORDING_BACKOFF_DOC = "How long after a recording was not there it is asked for again; "
            + "the wait doubles with every answer without it, up to recording.retry.backoff.max.ms.";
    static final long RECORDING_BACKOFF_DEFAULT = MINUTE;

    public static final String RECORDING_BACKOFF_MAX_CONFIG = "recording.retry.backoff.max.ms";
    static final String RECORDING_BACKOFF_MAX_DOC = "The longest wait between two requests for a recording not "
            + "there yet (taken as recording.retry.backoff.ms when smaller). With the defaults a recording that never "
            + "appears costs about 22 requests: 1, 2, 4 and 8 minutes apart, then every 15 minutes.";
    static final long RECORDING_BACKOFF_MAX_DEFAULT = 15 * MINUTE;

    public static final String CHAT_RETRIES_CONFIG = "chat.over.limit.retries";
    static final String CHAT_RETRIES_DOC = "How many times a chat page that CINNOX refuses with 6451013 (Requested "
            + "chat logs over the limit) is asked for again, each time with a smaller page (see "
            + "chat.over.limit.page.divisor) and after a longer wait, before the rest of that chat is given up (a "
            + "WARN line naming the enquiry, the chats-given-up-total metric). 0 gives such a chat up at once.";
    static final int CHAT_RETRIES_DEFAULT = 3;

    public static final String CHAT_BACKOFF_CONFIG = "chat.over.limit.backoff.ms";
    static final String CHAT_BACKOFF_DOC = "How long after a 6451013 answer the chat page is asked for again; the "
            + "wait doubles with each further refusal of the same chat (at most 10 minutes or this value).";
    static final long CHAT_BACKOFF_DEFAULT = 30 * SECOND;

    public static final String CHAT_PAGE_DIVISOR_CONFIG = "chat.over.limit.page.divisor";
    static final String CHAT_PAGE_DIVISOR_DOC = "Each retry of a chat page refused with 6451013 asks for the "
            + "previous page size divided by this (500, 250, 125 ... with the default); the rest of that chat is "
            + "read with the smaller pages.";
    static final int CHAT_PAGE_DIVISOR_DEFAULT = 2;

    private LateChildConfig() {
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(RECORDING_WAIT_MAX_CONFIG, Type.LONG, RECORDING_WAIT_MAX_DEFAULT,
                ConfigValidators.millis(0, 30 * DAY), Importance.LOW, RECORDING_WAIT_MAX_DOC, GROUP, ++order,
                Width.SHORT, "Longest recording wait (ms)");
        def.define(RECORDING_BACKOFF_CONFIG, Type.LONG, RECORDING_BACKOFF_DEFAULT,
                ConfigValidators.millis(SECOND, DAY), Importance.LOW, RECORDING_BACKOFF_DOC, GROUP, ++order,
                Width.SHORT, "Recording retry backoff (ms)");
        def.define(RECORDING_BACKOFF_MAX_CONFIG, Type.LONG, RECORDING_BACKOFF_MAX_DEFAULT,
                ConfigValidators.millis(SECOND, DAY), Importance.LOW, RECORDING_BACKOFF_MAX_DOC, GROUP, ++order,
                Width.SHORT, "Longest recording retry backoff (ms)");
        def.define(CHAT_RETRIES_CONFIG, Type.INT, CHAT_RETRIES_DEFAULT, ConfigValidators.between(0, 8),
                Importance.LOW, CHAT_RETRIES_DOC, GROUP, ++order, Width.SHORT, "Chat retries after 6451013");
        def.define(CHAT_BACKOFF_CONFIG, Type.LONG, CHAT_BACKOFF_DEFAULT, ConfigValidators.millis(SECOND, HOUR),
                Importance.LOW, CHAT_BACKOFF_DOC, GROUP, ++order, Width.SHORT, "Chat retry backoff (ms)");
        def.define(CHAT_PAGE_DIVISOR_CONFIG, Type.INT, CHAT_PAGE_DIVISOR_DEFAULT, ConfigValidators.between(2, 10),
                Importance.LOW, CHAT_PAGE_DIVISOR_DOC, GROUP, ++order, Width.SHORT, "Chat page divisor");
    }

    /** The policy the settings of {@code config} describe. */
    static LateChildPolicy policy(AbstractConfig config) {
        Duration backoff = Duration.ofMillis(config.getLong(RECORDING_BACKOFF_CONFIG));
        Duration backoffMax = Duration.ofMillis(config.getLong(RECORDING_BACKOFF_MAX_CONFIG));
        Duration chatBackoff = Duration.ofMillis(config.getLong(CHAT_BACKOFF_CONFIG));
        Duration chatMax = chatBackoff.compareTo(Duration.ofMinutes(10)) > 0 ? chatBackoff : Duration.ofMinutes(10);
        return new LateChildPolicy(Duration.ofMillis(config.getLong(RECORDING_WAIT_MAX_CONFIG)),
                new RetrySchedule(backoff, backoffMax.compareTo(backoff) < 0 ? backoff : backoffMax),
                config.getInt(CHAT_RETRIES_CONFIG), new RetrySchedule(chatBackoff, chatMax),
                config.getInt(CHAT_PAGE_DIVISOR_CONFIG));
    }
}
