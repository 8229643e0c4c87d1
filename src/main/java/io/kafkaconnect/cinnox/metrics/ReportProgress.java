package io.kafkaconnect.cinnox.metrics;

import io.kafkaconnect.cinnox.poll.MainPass;
import io.kafkaconnect.cinnox.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far a task has got with one report: records so far, lag and backfill progress over the task's units
 * of the report (see {@link CinnoxMetric#LAG_SECONDS} and {@link CinnoxMetric#BACKFILL_PROGRESS}). Child
 * reports have no units of their own: their lag is zero and their backfill progress 1.
 *
 * @param lag from the least advanced unfinished main pass to now, zero when every main pass is finished
 * @param backfill the fraction 0..1 of the settled range the main passes have read
 * @param units the task's units of the report
 * @param finished those of them whose main pass is finished
 */
record ReportProgress(Report report, long records, Duration lag, double backfill, int units, int finished) {

    static ReportProgress of(Report report, long records, List<MainPass> passes, Instant now, Duration settle) {
        Instant settled = now.minus(settle);
        Instant least = null;
        long settledMs = 0;
        long readMs = 0;
        int finished = 0;
        for (MainPass pass : passes) {
            boolean over = pass.isSnapshot() ? pass.done() : pass.finished();
            if (over) {
                finished++;
            }
            if (pass.isSnapshot()) {
                least = earliest(least, pass.position());
                settledMs += 1;
                readMs += pass.done() ? 1 : 0;
                continue;
            }
            if (!over) {
                least = earliest(least, pass.position());
            }
            settledMs += pass.settledMs(settled);
            readMs += pass.readMs(settled);
        }
        Duration lag = least == null || least.isAfter(now) ? Duration.ZERO : Duration.between(least, now);
        double backfill = settledMs == 0 ? 1.0 : (double) readMs / settledMs;
        return new ReportProgress(report, records, lag, backfill, passes.size(), finished);
    }

    /** For the progress log: {@code enquiry-detail: 1234 records, lag 35m 12s, backfill 87.5% (3/4 units)}. */
    @Override
    public String toString() {
        if (units == 0) {
            return report + ": " + records + " records";
        }
        return report + ": " + records + " records, lag " + human(lag) + ", backfill "
                + String.format(java.util.Locale.ROOT, "%.1f%%", backfill * 100) + " (" + finished + "/" + units
                + " units' main passes finished)";
    }

    static String human(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, seconds / 86_400, "d");
        append(text, seconds % 86_400 / 3_600, "h");
        append(text, seconds % 3_600 / 60, "m");
        append(text, seconds % 60, "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.length() == 0 ? "" : " ").append(amount).append(unit);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
