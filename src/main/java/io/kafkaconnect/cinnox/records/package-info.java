/**
 * How report records become Connect records: one {@link io.kafkaconnect.cinnox.report.ReportFormat}
 * per report (value schema, key, event time, change version), found through
 * {@link io.kafkaconnect.cinnox.report.ReportFormats}. Conversion is lenient: values that cannot be
 * converted become null with their text in {@code rawValues}, fields the schema does not know go to
 * {@code unknownFields}, and only a record without its key field is refused.
 */
package io.kafkaconnect.cinnox.records;
