package io.kafkaconnect.cinnox.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The format of every report, for one connector configuration (only the recording URL mode varies).
 * Formats are stateless and thread-safe; build one registry per task.
 */
public final class ReportFormats {

    private final Map<Report, ReportFormat<?>> byReport = new EnumMap<>(Report.class);

    private ReportFormats(RecordingUrlMode recordingUrlMode) {
        for (Report report : Report.values()) {
            byReport.put(report, report.newFormat(recordingUrlMode));
        }
    }

    /** The formats with recording URLs written as {@code recordingUrlMode} says. */
    public static ReportFormats create(RecordingUrlMode recordingUrlMode) {
        return new ReportFormats(Objects.requireNonNull(recordingUrlMode, "recordingUrlMode"));
    }

    public ReportFormat<?> of(Report report) {
        return byReport.get(report);
    }

    /**
     * The format of {@code report}, typed by its model.
     *
     * @throws IllegalArgumentException when {@code modelType} is not the report's model
     */
    @SuppressWarnings("unchecked")
    public <T> ReportFormat<T> of(Report report, Class<T> modelType) {
        ReportFormat<?> format = of(report);
        if (format.modelType() != modelType) {
            throw new IllegalArgumentException(report + " records are " + format.modelType().getSimpleName()
                    + ", not " + modelType.getSimpleName());
        }
        return (ReportFormat<T>) format;
    }
}
