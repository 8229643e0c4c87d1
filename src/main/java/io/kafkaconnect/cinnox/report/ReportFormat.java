package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.records.ConversionIssues;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.Optional;

/**
 * How the records of one report become Connect records: value schema, key, event time, and the version
 * used to notice that a mutable record changed. One implementation per report, all in this package.
 *
 * @param <T> the client model of one record of the report
 */
public interface ReportFormat<T> {

    Report report();

    /** The client model class one record is read into. */
    Class<T> modelType();

    /** The value schema, built once: a struct named {@code io.kafkaconnect.cinnox.<Type>}, version 1. */
    Schema schema();

    /** One sentence for users: which API field the key is taken from. */
    String keyDoc();

    /**
     * The record key.
     *
     * @throws MissingRecordKeyException when the record lacks its key field (null or blank); the caller
     *                                   skips that one record and counts it
     */
    String key(T record);

    /** The record's own time (its window field); empty when the API sent none or it is not RFC 3339. */
    Optional<Instant> eventTime(T record);

    /**
     * Converts one record. Lenient: a value that cannot be converted becomes null, its text goes to
     * {@code rawValues} and {@code issues} counts it; only a missing key field fails the record.
     *
     * @throws MissingRecordKeyException when the record lacks its key field
     */
    Struct toStruct(T record, ConversionIssues issues);

    /**
     * A short text that changes whenever the record changes in a way readers care about; constant for
     * reports whose records never change after they are first returned.
     */
    String version(T record);

    /** True when the record will not change any more, so it need not be re-read. */
    boolean isFinal(T record);
}
