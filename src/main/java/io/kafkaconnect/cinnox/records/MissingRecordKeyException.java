package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.Report;
import org.apache.kafka.connect.errors.DataException;

/**
 * A record arrived without the field its key comes from. Without a key it cannot be deduplicated or
 * compacted, so the record is refused alone: the caller skips it, counts it and goes on with the page.
 * The message names the report and the field, never the record's content.
 */
public class MissingRecordKeyException extends DataException {

    private static final long serialVersionUID = 1L;

    private final Report report;
    private final String field;

    public MissingRecordKeyException(Report report, String field) {
        super(report.apiName() + " record without its key field '" + field + "': it cannot be keyed and is skipped");
        this.report = report;
        this.field = field;
    }

    public Report report() {
        return report;
    }

    public String field() {
        return field;
    }

    /** Returns {@code value}, or throws when it is null or blank. */
    public static String require(Report report, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingRecordKeyException(report, field);
        }
        return value;
    }
}
