package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.TrackedVersion;
import io.kafkaconnect.cinnox.offset.SnapshotCursor;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.work.WorkUnit;
import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads reference data (the channel type list, and the channels of every type) once per refresh interval
 * and emits only entries that are new or changed since the last read, keyed by their id, so a compacted
 * topic holds the current reference data.
 */
final class SnapshotUnitPoller extends CursorPoller<SnapshotCursor> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotUnitPoller.class);

    private final Instant started;

    SnapshotUnitPoller(WorkUnit unit, SnapshotCursor cursor, PollContext ctx) {
        super(unit, cursor, ctx);
        this.started = ctx.clock().instant();
    }

    /** The channels of the next pending type, else the type list once per refresh interval. */
    @Override
    protected Next next(Instant now) {
        if (!cursor.pending().isEmpty()) {
            return new Read(() -> readChannelsOfType(now));
        }
        Instant due = Instant.ofEpochMilli(cursor.lastSnapshotAt()).plus(ctx.snapshotRefresh());
        return cursor.lastSnapshotAt() == 0 || !due.isAfter(now) ? new Read(() -> readTypes(now)) : new Wait(due);
    }

    @Override
    public void windowTooWide() {
        // Reference data has no time window.
    }

    @Override
    public boolean isLive(Instant now) {
        return true;
    }

    @Override
    public MainPass mainPass() {
        long last = cursor.lastSnapshotAt();
        return MainPass.snapshot(last == 0 ? started : Instant.ofEpochMilli(last), last != 0);
    }

    @Override
    public String progress() {
        return unit + " last read " + (cursor.lastSnapshotAt() == 0 ? "never" : Instant.ofEpochMilli(cursor.lastSnapshotAt()))
                + ", " + cursor.tracked().size() + " entries";
    }

    /** The type list: emitted itself for channel-type-list, or the work list for channel-type-detail. */
    private List<SourceRecord> readTypes(Instant now) {
        List<ChannelType> types = ctx.api().channelTypes();
        SnapshotCursor before = cursor;
        if (unit.report() == Report.CHANNEL_TYPE_DETAIL) {
            List<String> names = types.stream().map(ChannelType::channelType)
                    .filter(t -> t != null && !t.isBlank()).distinct().toList();
            SnapshotCursor after = names.isEmpty() ? before.snapshotTaken(now) : before.withPending(names);
            return commit(new StepRecords(), before, after, false);
        }
        StepRecords out = new StepRecords();
        SnapshotCursor after = emitChanged(out, ctx.formats().of(Report.CHANNEL_TYPE_LIST, ChannelType.class), types, before, now);
        return commit(out, before, after.snapshotTaken(now), false);
    }

    private List<SourceRecord> readChannelsOfType(Instant now) {
        SnapshotCursor before = cursor;
        String type = before.pending().get(0);
        Page<ChannelDetail> page;
        try {
            page = ctx.api().channelTypeDetails(type, PageRequest.of(Math.toIntExact(before.childOffset()), ctx.pageSize()));
        } catch (FatalApiException e) {
            if (!Skips.badParameter(e)) {
                throw e;
            }
            log.warn("{}: skipping channel type {}: {}", unit, type, e.getMessage());
            return commit(new StepRecords(), before, finishType(before, now), false);
        }
        StepRecords out = new StepRecords();
        SnapshotCursor after = emitChanged(out, ctx.formats().of(Report.CHANNEL_TYPE_DETAIL, ChannelDetail.class), page.records(), before, now);
        after = page.isLast() ? finishType(after, now) : after.childPageRead(page.returnedCount());
        return commit(out, before, after, false);
    }

    private static SnapshotCursor finishType(SnapshotCursor cursor, Instant now) {
        SnapshotCursor next = cursor.childFinished();
        return next.pending().isEmpty() ? next.snapshotTaken(now) : next;
    }

    private <T> SnapshotCursor emitChanged(StepRecords out, ReportFormat<T> format, List<T> entries, SnapshotCursor cursor,
            Instant now) {
        SnapshotCursor after = cursor;
        for (T entry : entries) {
            Optional<String> key = Skips.key(format, entry);
            if (key.isEmpty()) {
                ctx.stats().recordWithoutKey();
                continue;
            }
            String version = format.version(entry);
            TrackedVersion known = after.tracked().get(key.get());
            if (known == null || !known.version().equals(version)) {
                out.add(format, entry);
                after = after.track(key.get(), version, now);
            }
        }
        return after;
    }
}
