package io.kafkaconnect.cinnox.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The closed set of metrics the connector and its tasks publish through Connect's plugin metrics, with the
 * descriptions shown in JMX and in {@code docs/metrics.md} ({@link MetricsDocs} renders it from here).
 */
public enum CinnoxMetric {
    REQUESTS_SENT("requests-sent-total", Scope.TASK,
            "Requests sent to CINNOX by the task."),
    REQUESTS_THROTTLED("requests-throttled-total", Scope.TASK,
            "Polls on which a due request was held back: no permit of the account's request budget came within "
                    + "a second, or the account was paused after a 6451010 answer."),
    RATE_LIMITED("rate-limited-total", Scope.TASK,
            "6451010 Too many requests answers; each pauses the account in this worker until the time CINNOX gives."),
    REQUESTS_SHARE("requests-share", Scope.TASK,
            "The task's share of requests.per.minute now, in requests per minute: the share the connector handed "
                    + "it or, once the tasks it replaced have all stopped, the target it grew to. Its cap in a clock "
                    + "minute is this share less requests-lent plus requests-borrowed."),
    REQUESTS_LENT("requests-lent", Scope.TASK,
            "Requests per minute the task keeps out of its share in the current clock minute (UTC) for loans to "
                    + "tasks on other workers, the loans of the task it replaced that it honours included (at most "
                    + "its share); 0 with requests.share.lending=false once those have ended."),
    REQUESTS_BORROWED("requests-borrowed", Scope.TASK,
            "Requests per minute that tasks on other workers lend the task and that it may use in the current "
                    + "clock minute (UTC), on top of its share; 0 with requests.share.lending=false."),
    REQUESTS_LAST_MINUTE("requests-last-minute", Scope.TASK,
            "Permits of the request budget the task took in its last full clock minute (UTC): its use, as its "
                    + "budget state tells the other tasks (the enquiry event receiver's requests are not counted)."),
    RETRIES("retries-total", Scope.TASK,
            "Requests that failed in a transient way (6451001, HTTP 5xx, timeouts, resets, malformed bodies) and "
                    + "are retried after a backoff."),
    HEARTBEATS("heartbeats-total", Scope.TASK,
            "Heartbeat records written to move the offset of a unit across a stretch without records."),
    RECORDS_WITHOUT_KEY("records-without-key-total", Scope.TASK,
            "Records CINNOX returned without the id that keys them; they are skipped."),
    PAGE_DRIFTS("page-drifts-total", Scope.TASK,
            "Pages whose first row was not the previous page's last row (rows moved between two requests of one "
                    + "window); the window is read again from offset 0 and the ledgers drop the rows already sent."),
    LATE_CHILD_RETRIES("late-child-retries-total", Scope.TASK,
            "Requests that asked again for child data CINNOX did not give at first: a recording not there yet "
                    + "(6451011 or empty), a chat page refused with 6451013 (asked with a smaller page)."),
    LATE_RECORDINGS("late-recordings-total", Scope.TASK,
            "Recordings CINNOX did not have when first asked that appeared when asked again."),
    RECORDINGS_GIVEN_UP("recordings-given-up-total", Scope.TASK,
            "Recordings of recorded calls and conferences still missing recording.wait.max.ms after the call's "
                    + "hour; an INFO line names each call."),
    CHATS_GIVEN_UP("chats-given-up-total", Scope.TASK,
            "Chats given up: CINNOX answered 6451013 (Requested chat logs over the limit) to every retry with "
                    + "smaller pages (chat.over.limit.retries); a WARN line names each enquiry."),
    LATE_ROWS("late-rows-total", Scope.REPORT,
            "Rows a re-scan found in a window read before that had never been sent (they became visible after "
                    + "the window was first read), for the report."),
    RECORDS("records-total", Scope.REPORT,
            "Records the task returned to Connect for the report (changed records re-emitted by sweeps included)."),
    LAG_SECONDS("lag-seconds", Scope.REPORT,
            "Seconds from the least advanced main-pass position among the task's units of the report whose main "
                    + "pass is not finished to now, 0 when every main pass is finished; while the live unit runs it "
                    + "stays at about window.settle.ms once caught up. For the channel type reports: seconds since "
                    + "the last complete read."),
    BACKFILL_PROGRESS("backfill-progress", Scope.REPORT,
            "Fraction (0 to 1) of the settled history, from the history start to now - window.settle.ms, that the "
                    + "main passes of the task's units of the report have read. For the channel type reports: 1 "
                    + "once read completely, else 0."),
    UNITS_TOTAL("units-total", Scope.CONNECTOR,
            "Units of work from the history start to now, finished or not, when the task configurations were "
                    + "last computed."),
    UNITS_FINISHED("units-finished", Scope.CONNECTOR,
            "Units of work finished (left out of the task configurations) when they were last computed."),
    TASKS("tasks", Scope.CONNECTOR,
            "Tasks in the last task configurations: at most tasks.max, fewer when there are fewer units.");

    /** Where a metric lives, which decides its JMX object name. */
    public enum Scope {
        /** One per task: {@code kafka.connect:type=plugins,connector=<name>,task=<n>}. */
        TASK("kafka.connect:type=plugins,connector=<name>,task=<n>"),
        /** One per task and report: {@code ...,task=<n>,report=<report>}. */
        REPORT("kafka.connect:type=plugins,connector=<name>,task=<n>,report=<report>"),
        /** One per connector: {@code kafka.connect:type=plugins,connector=<name>}. */
        CONNECTOR("kafka.connect:type=plugins,connector=<name>");

        private final String objectName;

        Scope(String objectName) {
            this.objectName = objectName;
        }

        /** The JMX object name pattern of the metrics in this scope. */
        public String objectName() {
            return objectName;
        }
    }

    /** The tag that names the report of a {@link Scope#REPORT} metric. */
    public static final String REPORT_TAG = "report";

    private final String metricName;
    private final Scope scope;
    private final String description;

    CinnoxMetric(String metricName, Scope scope, String description) {
        this.metricName = metricName;
        this.scope = scope;
        this.description = description;
    }

    /** The metric's name, which is its JMX attribute name. */
    public String metricName() {
        return metricName;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    public static List<CinnoxMetric> of(Scope scope) {
        return Arrays.stream(values()).filter(m -> m.scope == scope).toList();
    }
}
