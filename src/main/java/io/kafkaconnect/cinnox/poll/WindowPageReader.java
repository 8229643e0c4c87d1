package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.TimeWindow;
import io.kafkaconnect.cinnox.ledger.LedgerBook;
import io.kafkaconnect.cinnox.ledger.PageDrift;
import io.kafkaconnect.cinnox.ledger.Row;
import io.kafkaconnect.cinnox.ledger.RowHashes;
import io.kafkaconnect.cinnox.ledger.Sieve;
import io.kafkaconnect.cinnox.ledger.Span;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.report.ReportFormat;
import io.kafkaconnect.cinnox.report.WindowedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a window of a windowed report, for the main pass or a re-scan: asks from one row early
 * to check the page follows the previous one, runs every row through the unit's ledgers and queues the
 * child work of the rows it emits. Changes nothing itself; the caller commits the outcome.
 */
final class WindowPageReader<T> {

    /** One page read: the records to emit, the ledger changes, and what the drift check found. */
    record Outcome(LedgerRecords records, Sieve sieve, List<String> unitChildren, PageDrift.Check check, int size,
            long lastRow, boolean last) {
    }

    private final WindowedReport<T> report;
    private final PollContext ctx;
    private final LedgerBook book;

    WindowPageReader(WindowedReport<T> report, PollContext ctx, LedgerBook book) {
        this.report = report;
        this.ctx = ctx;
        this.book = book;
    }

    /**
     * Reads the page at {@code offset} of {@code window}; {@code lastRow} is the key hash of the previous
     * page's last row (0 = none), which the page's first row must repeat.
     */
    Outcome read(Span window, long offset, long lastRow, Sieve.Mode mode, Instant now) {
        long request = PageDrift.requestOffset(offset, lastRow);
        TimeWindow api = TimeWindow.of(window.start(), WindowPlanner.apiEnd(window.end(), ctx.windowEndInclusive()));
        Page<T> page = report.page(ctx.api(), api, PageRequest.of(Math.toIntExact(request), ctx.pageSize()));
        List<T> rows = page.records();
        PageDrift.Check check = PageDrift.check(lastRow, offset, rows.isEmpty() ? 0 : keyHash(rows.get(0)));
        Sieve sieve = book.sieve(mode, ctx.late(), now);
        LedgerRecords out = new LedgerRecords();
        List<String> unitChildren = new ArrayList<>();
        ReportFormat<T> format = report.format();
        for (T model : rows) {
            Sieve.Decision d = sieve.admit(row(model));
            if (!d.emit()) {
                continue;
            }
            out.add(format, model, d.bucket());
            if (d.late()) {
                ctx.stats().lateRow(format.report());
            }
            long since = d.changed() && d.bucket() != null ? book.lastReadMs(d.bucket()) : 0;
            ctx.children().childOf(format.report(), model, since).ifPresent(child -> {
                if (d.bucket() != null) {
                    sieve.addChild(d.bucket(), child.encode());
                } else {
                    unitChildren.add(child.encode());
                }
            });
        }
        long last = rows.isEmpty() ? 0 : keyHash(rows.get(rows.size() - 1));
        return new Outcome(out, sieve, unitChildren, check, page.returnedCount(), last, page.isLast());
    }

    private Row row(T model) {
        ReportFormat<T> format = report.format();
        String key;
        try {
            key = format.key(model);
        } catch (MissingRecordKeyException e) {
            key = null;
        }
        return new Row(key, format.version(model), format.isFinal(model), format.eventTime(model).orElse(null));
    }

    private long keyHash(T model) {
        try {
            return RowHashes.key(report.format().key(model));
        } catch (MissingRecordKeyException e) {
            return 0;
        }
    }
}
