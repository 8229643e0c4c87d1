package io.kafkaconnect.cinnox.offset;

import io.kafkaconnect.cinnox.report.ChildLink;
import io.kafkaconnect.cinnox.report.Report;
import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of child work found in a parent page: the child work a record of {@code parent} leads to
 * (see {@link Report#childLink()}). Its text form is what the cursor keeps in its pending list.
 *
 * @param parent the report whose record led to this work; it has a child link
 * @param sinceMs for links that carry it (campaigns), only child records updated after this time (epoch ms)
 *                are emitted; 0 = all
 */
public record ChildRef(Report parent, String id, long sinceMs) {

    public ChildRef {
        Objects.requireNonNull(parent, "parent");
        if (parent.childLink().isEmpty()) {
            throw new IllegalArgumentException(parent + " records lead to no child work");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A child reference needs an id");
        }
    }

    public ChildLink<?, ?> link() {
        return parent.childLink().orElseThrow();
    }

    /** {@code <prefix>:<id>}, e.g. {@code chat:<id>}, or {@code campaign:<id>@<sinceMs>} for links with a time. */
    public String encode() {
        return link().prefix() + ":" + id + (link().since() ? "@" + sinceMs : "");
    }

    public static ChildRef decode(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            String rest = text.substring(colon + 1);
            for (Report parent : Report.values()) {
                if (parent.childLink().filter(link -> link.prefix().equals(prefix)).isPresent()) {
                    return parent.childLink().get().since() ? decodeSince(parent, rest) : new ChildRef(parent, rest, 0);
                }
            }
        }
        throw new IllegalArgumentException("Invalid child reference '" + text + "' in a source offset; known kinds: "
                + Arrays.stream(Report.values()).flatMap(r -> r.childLink().stream()).map(ChildLink::prefix).toList());
    }

    private static ChildRef decodeSince(Report parent, String rest) {
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return new ChildRef(parent, rest, 0);
        }
        return new ChildRef(parent, rest.substring(0, at), Long.parseLong(rest.substring(at + 1)));
    }

    @Override
    public String toString() {
        return encode();
    }
}
