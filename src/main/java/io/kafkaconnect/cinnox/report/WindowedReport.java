package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.TimeWindow;

/** A report read by time window and offset paging: its API call and its record format. */
public record WindowedReport<T>(ReportFormat<T> format, PageFetch<T> fetch) {

    /** One page of a windowed report: one request. */
    @FunctionalInterface
    public interface PageFetch<T> {
        Page<T> fetch(CinnoxApi api, TimeWindow window, PageRequest page);
    }

    public Page<T> page(CinnoxApi api, TimeWindow window, PageRequest page) {
        return fetch.fetch(api, window, page);
    }

    /** The windowed report {@code report}, with its format from {@code formats}. */
    public static WindowedReport<?> of(Report report, ReportFormats formats) {
        return typed(report.pageFetch(), formats.of(report));
    }

    /** Types a page call where {@link Report} names it (a method reference keeps its model type here). */
    static <T> PageFetch<T> call(PageFetch<T> fetch) {
        return fetch;
    }

    @SuppressWarnings("unchecked")
    private static <T> WindowedReport<T> typed(PageFetch<T> fetch, ReportFormat<?> format) {
        return new WindowedReport<>((ReportFormat<T>) format, fetch);
    }
}
