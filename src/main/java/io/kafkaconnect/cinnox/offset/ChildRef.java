package io.kafkaconnect.cinnox.offset;

import java.util.Objects;

/**
 * One piece of child work found in a parent page: the chat of a closed enquiry, the recordings of a
 * recorded call or conference, or the recipients of a sent campaign updated since a given time. Its text
 * form is what the cursor keeps in its pending list.
 *
 * @param sinceMs for campaigns, only recipients updated after this time (epoch ms) are emitted; 0 = all
 */
public record ChildRef(Kind kind, String id, long sinceMs) {

    public enum Kind {
        CHAT("chat"), CALL_RECORDINGS("call"), CONFERENCE_RECORDINGS("conference"), CAMPAIGN_RECIPIENTS("campaign");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public ChildRef {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A child reference needs an id");
        }
    }

    public static ChildRef chat(String enquiryId) {
        return new ChildRef(Kind.CHAT, enquiryId, 0);
    }

    public static ChildRef callRecordings(String callId) {
        return new ChildRef(Kind.CALL_RECORDINGS, callId, 0);
    }

    public static ChildRef conferenceRecordings(String conferenceId) {
        return new ChildRef(Kind.CONFERENCE_RECORDINGS, conferenceId, 0);
    }

    public static ChildRef campaignRecipients(String historyId, long sinceMs) {
        return new ChildRef(Kind.CAMPAIGN_RECIPIENTS, historyId, sinceMs);
    }

    /** {@code chat:<id>}, {@code call:<id>}, {@code conference:<id>} or {@code campaign:<id>@<sinceMs>}. */
    public String encode() {
        return kind.prefix + ":" + id + (kind == Kind.CAMPAIGN_RECIPIENTS ? "@" + sinceMs : "");
    }

    public static ChildRef decode(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            String rest = text.substring(colon + 1);
            for (Kind kind : Kind.values()) {
                if (kind.prefix.equals(prefix)) {
                    return kind == Kind.CAMPAIGN_RECIPIENTS ? decodeCampaign(rest) : new ChildRef(kind, rest, 0);
                }
            }
        }
        throw new IllegalArgumentException("Invalid child reference '" + text + "' in a source offset");
    }

    private static ChildRef decodeCampaign(String rest) {
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return campaignRecipients(rest, 0);
        }
        return campaignRecipients(rest.substring(0, at), Long.parseLong(rest.substring(at + 1)));
    }

    @Override
    public String toString() {
        return encode();
    }
}
