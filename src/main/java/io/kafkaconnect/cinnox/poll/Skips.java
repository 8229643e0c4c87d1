package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.client.FatalApiException;
import io.kafkaconnect.cinnox.records.MissingRecordKeyException;
import io.kafkaconnect.cinnox.report.ReportFormat;
import java.util.Optional;

/** What a poller skips instead of failing: a record without its key, a child CINNOX refuses as a bad parameter. */
final class Skips {

    private Skips() {
    }

    /** The record's key; empty for a record without one (RecordMaker counts and skips it). */
    static <T> Optional<String> key(ReportFormat<T> format, T model) {
        try {
            return Optional.of(format.key(model));
        } catch (MissingRecordKeyException e) {
            return Optional.empty();
        }
    }

    /** Whether CINNOX refused one child's request as a bad parameter: that child is skipped, the unit goes on. */
    static boolean badParameter(FatalApiException e) {
        return e.reason() == FatalApiException.Reason.BAD_PARAMETER;
    }
}
