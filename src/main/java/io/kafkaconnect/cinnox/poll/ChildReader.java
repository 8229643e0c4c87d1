package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.offset.ChildRef;
import io.kafkaconnect.cinnox.report.ChildLink;
import io.kafkaconnect.cinnox.report.Report;
import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.report.ReportFormats;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Child reports: which child work a parent record leads to, as its report's {@link ChildLink} says, and
 * reading one page of it; a link whose child report is not configured leads to nothing.
 */
public final class ChildReader {

    /** One page of child records, all of one report. */
    public record ChildPage<T>(ReportFormat<T> format, List<T> records, int readCount, boolean last) {
    }

    private final CinnoxApi api;
    private final ReportFormats formats;
    private final int pageSize;
    private final Set<Report> enabled;

    public ChildReader(CinnoxApi api, ReportFormats formats, int pageSize, Set<Report> enabled) {
        this.api = api;
        this.formats = formats;
        this.pageSize = pageSize;
        this.enabled = Set.copyOf(enabled);
    }

    /**
     * The child work of a record of {@code report} just emitted. {@code previousEmitMs} is when an earlier
     * version of the same record was emitted (0 when this is its first), so campaigns re-read only what changed.
     */
    public Optional<ChildRef> childOf(Report report, Object parent, long previousEmitMs) {
        Optional<ChildLink<?, ?>> link = report.childLink().filter(l -> enabled.contains(l.child()));
        return link.flatMap(l -> l.idOf(parent).map(id -> new ChildRef(report, id, l.since() ? previousEmitMs : 0)));
    }

    /** Reads the page of {@code child} at {@code offset}: one request. */
    public ChildPage<?> read(ChildRef child, long offset) {
        return read(child, offset, 0);
    }

    /** Reads the page of {@code child} at {@code offset} with pages of {@code size} (0: the configured size). */
    public ChildPage<?> read(ChildRef child, long offset, int size) {
        return read(child.link(), child, offset, size > 0 ? size : pageSize);
    }

    /** The configured page size. */
    public int pageSize() {
        return pageSize;
    }

    @SuppressWarnings("unchecked")
    private <C> ChildPage<C> read(ChildLink<?, C> link, ChildRef child, long offset, int size) {
        PageRequest page = PageRequest.of(Math.toIntExact(offset), size);
        ChildLink.Rows<C> rows = link.fetch().read(api, child.id(), child.sinceMs(), page);
        return new ChildPage<>((ReportFormat<C>) formats.of(link.child()), rows.records(), rows.readCount(), rows.last());
    }
}
