package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.config.CinnoxSourceConfig;
import io.kafkaconnect.cinnox.ledger.Bucket;
import io.kafkaconnect.cinnox.ledger.BucketState;
import io.kafkaconnect.cinnox.offset.UnitCursor;
import io.kafkaconnect.cinnox.webhook.EventRecords;
import io.kafkaconnect.cinnox.work.WorkUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Checks offsets submitted through {@code PATCH /connectors/{name}/offsets} against the connector's
 * configuration before Connect stores them, so that a mistyped partition or offset is refused with a message
 * rather than loaded by a task as something it cannot read.
 */
final class OffsetsCheck {

    private final CinnoxSourceConfig target;

    OffsetsCheck(CinnoxSourceConfig target) {
        this.target = target;
    }

    /** Throws a {@link ConnectException} naming the first partition or offset the connector cannot read. */
    void check(Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach((partition, offset) -> {
            if (partition != null && EventRecords.PARTITION_REPORT.equals(partition.get(WorkUnit.REPORT))) {
                // Enquiry event offsets are informational: nothing resumes from them.
                return;
            }
            try {
                if (partition != null && partition.containsKey(BudgetState.PARTITION_KEY)) {
                    checkBudget(partition, offset);
                    return;
                }
                if (partition != null && partition.containsKey(Bucket.PARTITION_KEY)) {
                    checkBucket(partition, offset);
                    return;
                }
                WorkUnit unit = unitOf(partition);
                if (offset != null) {
                    UnitCursor.fromOffset(unit.report().kind(), offset);
                }
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot alter the offset of partition " + partition + ": " + e.getMessage()
                        + ". See docs/operations.md for the partition and offset formats.", e);
            }
        });
    }

    /** A task's budget state: {@code {"cinnox.budget": "<task index>"}} and a budget state, or null to reset. */
    private static void checkBudget(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition.size() != 1 || !(partition.get(BudgetState.PARTITION_KEY) instanceof String index)
                || !index.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("a budget partition is {\"" + BudgetState.PARTITION_KEY
                    + "\": \"<task index>\"}");
        }
        if (offset != null) {
            BudgetState.fromOffset(offset);
        }
    }

    /** A ledger bucket's partition: its unit's partition plus {@code bucket}, and a ledger offset. */
    private void checkBucket(Map<String, ?> partition, Map<String, ?> offset) {
        Map<String, Object> unitPartition = new HashMap<>(partition);
        Object bucket = unitPartition.remove(Bucket.PARTITION_KEY);
        unitOf(unitPartition);
        if (!(bucket instanceof String text)) {
            throw new IllegalArgumentException("'" + Bucket.PARTITION_KEY + "' must be an RFC 3339 instant, got " + bucket);
        }
        Bucket.parse(text, target.lateSettings().grain());
        if (offset != null) {
            BucketState.fromOffset(offset);
        }
    }

    /** The unit a partition names, which must be of this connector's app. */
    private WorkUnit unitOf(Map<String, ?> partition) {
        WorkUnit unit = WorkUnit.fromPartition(partition, target.backfillChunk());
        if (!unit.appId().equals(target.appId())) {
            throw new IllegalArgumentException("its app '" + unit.appId() + "' is not "
                    + CinnoxSourceConfig.APP_ID_CONFIG + " '" + target.appId() + "'");
        }
        return unit;
    }
}
