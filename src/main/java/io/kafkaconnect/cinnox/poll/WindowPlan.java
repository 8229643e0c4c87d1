package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.RangeCursor;
import java.time.Instant;
import java.util.Objects;

/** What {@link WindowPlanner} decided for a unit's main pass: query a window now, wait, or nothing left. */
public sealed interface WindowPlan<C extends RangeCursor<C>>
        permits TimeWindowPlan, WindowPlan.NotDue, WindowPlan.MainPassFinished {

    /** No window is worth querying before {@code dueAt}. */
    record NotDue<C extends RangeCursor<C>>(Instant dueAt) implements WindowPlan<C> {
        public NotDue {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** The main pass reached the end of the unit's range; sweeps of tracked records may still be due. */
    record MainPassFinished<C extends RangeCursor<C>>() implements WindowPlan<C> {
    }
}
