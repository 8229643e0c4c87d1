package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.inflight.ChildFetches;
import io.kafkaconnect.cinnox.inflight.ConcurrentSteps;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.offset.WindowCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child pages of one windowed unit fetched ahead of its cursor: the next few pages of its pending children
 * (the unit's own, then each bucket's, oldest bucket first) are requested together, while the unit's child steps
 * apply them strictly in that order, the head only. So chats and recordings of a page come in as fast as the
 * requests in flight allow, and every offset still names only children already emitted.
 */
final class ChildPrefetch implements ChildPages {

    /** One page of child work: the child and the page offset inside it. */
    record Key(ChildRef child, long offset) {
    }

    private final ChildReader reader;
    private final int ahead;
    private final ChildFetches<Key, ChildReader.ChildPage<?>> fetches;

    ChildPrefetch(ChildReader reader, int ahead) {
        this.reader = reader;
        this.ahead = ahead;
        this.fetches = new ChildFetches<>(ahead);
    }

    /**
     * The child pages the unit's steps read next, in the order they read them, at most {@code ahead}: the
     * unit cursor's pending children first (as the steps do), then each pending bucket's.
     */
    List<Key> wanted(WindowCursor cursor, LedgerBook book) {
        List<Key> keys = new ArrayList<>(ahead);
        add(keys, cursor.pending(), cursor.childOffset());
        for (Bucket bucket : book.pendingBuckets()) {
            if (keys.size() >= ahead) {
                break;
            }
            BucketState state = book.state(bucket);
            add(keys, state.pending(), state.childOffset());
        }
        return keys;
    }

    private void add(List<Key> keys, List<String> pending, long headOffset) {
        for (int i = 0; i < pending.size() && keys.size() < ahead; i++) {
            keys.add(new Key(ChildRef.decode(pending.get(i)), i == 0 ? headOffset : 0));
        }
    }

    /**
     * How the unit's next child step runs, its head page being {@code wanted.get(0)}: on the poll thread once
     * the answer is here, else it waits for it (the head is sent ahead like the others). Answers for pages no
     * longer wanted are dropped first, so an old answer is never applied to a child queued again later.
     */
    UnitPoller.StepKind kind(List<Key> wanted) {
        fetches.retain(wanted);
        return fetches.answered(wanted.get(0)) ? UnitPoller.StepKind.LOCAL : UnitPoller.StepKind.WAITING;
    }

    /** Sends the first page of {@code wanted} not sent yet; false when none was sent. */
    boolean sendAhead(List<Key> wanted, ConcurrentSteps.Sender sender) {
        return fetches.sendAhead(wanted, 1, key -> sender.send(() -> reader.read(key.child(), key.offset()))) > 0;
    }

    /** The answer fetched ahead, rethrowing its exception; a page not fetched is read now (one request). */
    @Override
    public ChildReader.ChildPage<?> read(ChildRef child, long offset) {
        Optional<ChildReader.ChildPage<?>> answer = fetches.take(new Key(child, offset));
        return answer.isPresent() ? answer.get() : reader.read(child, offset);
    }

    /** Cancels the requests sent ahead and forgets their answers. */
    void cancel() {
        fetches.cancelAll();
    }
}
