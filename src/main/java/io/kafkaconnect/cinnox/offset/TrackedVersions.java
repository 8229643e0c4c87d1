package io.kafkaconnect.cinnox.offset;

import java.time.Instant;

/**
 * The text kept per tracked record: the record's version and, after an {@code @}, when that version was
 * emitted (campaign recipients are re-read from that time on).
 */
public final class TrackedVersions {

    private TrackedVersions() {
    }

    public static String tracked(String version, Instant emittedAt) {
        return version + "@" + emittedAt.toEpochMilli();
    }

    public static boolean same(String tracked, String version) {
        int at = tracked.lastIndexOf('@');
        return (at < 0 ? tracked : tracked.substring(0, at)).equals(version);
    }

    public static long emittedAt(String tracked) {
        int at = tracked.lastIndexOf('@');
        if (at < 0) {
            return 0;
        }
        try {
            return Long.parseLong(tracked.substring(at + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
