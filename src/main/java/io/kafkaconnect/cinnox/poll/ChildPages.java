package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.ChildRef;

/** Where a unit's child steps get a page of child work: read now, or an answer fetched ahead. */
@FunctionalInterface
interface ChildPages {

    /** The page of {@code child} at {@code offset}; throws the client's exceptions as a read would. */
    ChildReader.ChildPage<?> read(ChildRef child, long offset);
}
