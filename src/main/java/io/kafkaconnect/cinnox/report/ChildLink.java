package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a record of a parent report leads to child work, and how that work is read: the chat of a closed
 * enquiry, the recordings of a recorded call or conference, the recipients of a sent campaign. The prefix
 * names the link in stored offsets ({@code chat:<id>}), so it never changes.
 *
 * @param prefix the link's name in a cursor's pending list
 * @param childName the child report's name
 * @param parentType the parent report's model class
 * @param idOf the child work's id for a parent record, empty when that record has none
 * @param since whether the child work remembers when the parent was last emitted (campaign recipients)
 * @param fetch reads one page of child records
 * @param <P> the parent report's model
 * @param <C> the child report's model
 */
public record ChildLink<P, C>(String prefix, String childName, Class<P> parentType, Function<P, Optional<String>> idOf,
        boolean since, ChildFetch<C> fetch) {

    /** One request for the child records of {@code id}; {@code sinceMs} is 0 or the parent's last emission. */
    @FunctionalInterface
    public interface ChildFetch<C> {
        Rows<C> read(CinnoxApi api, String id, long sinceMs, PageRequest page);
    }

    /**
     * Child records of one request.
     *
     * @param readCount how many records the API returned (some may be filtered out of {@code records})
     * @param last whether no more pages follow
     */
    public record Rows<C>(List<C> records, int readCount, boolean last) {
    }

    public Report child() {
        return Report.require(childName);
    }

    /** The child work id of {@code parent}; empty when it is no record of the parent report or has none. */
    public Optional<String> idOf(Object parent) {
        return parentType.isInstance(parent) ? idOf.apply(parentType.cast(parent)) : Optional.empty();
    }
}
