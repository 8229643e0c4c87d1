/**
 * What every report's format shares to turn API records into Connect records (the formats themselves
 * live beside {@link io.kafkaconnect.cinnox.report.Report}). Conversion is lenient: values that cannot be
 * converted become null with their text in {@code rawValues}, fields the schema does not know go to
 * {@code unknownFields}, and only a record without its key field is refused.
 */
package io.kafkaconnect.cinnox.records;
