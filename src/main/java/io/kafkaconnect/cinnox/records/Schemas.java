package io.kafkaconnect.cinnox.records;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Builds the field schemas of the report formats, so every field is declared the same way: optional
 * unless it is a key field, documented, timestamps as the {@code Timestamp} logical type, all integers as
 * INT64 and all fractional numbers as FLOAT64.
 */
public final class Schemas {

    static final String NAMESPACE = "io.kafkaconnect.cinnox.";
    static final int VERSION = 1;

    static final String UNKNOWN_FIELDS = "unknownFields";
    static final String RAW_VALUES = "rawValues";

    private static final Schema UNKNOWN_FIELDS_SCHEMA = SchemaBuilder.string().optional()
            .doc("JSON object of the fields the API sent that this schema does not know, keyed by their path "
                    + "(dots for nested objects, [i] for array elements, e.g. locationDetail.postalCode); null when "
                    + "there were none.")
            .build();

    private static final Schema RAW_VALUES_SCHEMA = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
            .optional()
            .doc("Original text of values that could not be converted, keyed by field path (for example a "
                    + "timestamp that is not RFC 3339; its field is then null); null when every value converted.")
            .build();

    private Schemas() {
    }

    /** A top-level value struct named {@code io.kafkaconnect.cinnox.<type>}; finish it with {@link #value}. */
    public static SchemaBuilder struct(String type, String doc) {
        return SchemaBuilder.struct().name(NAMESPACE + type).version(VERSION).doc(doc);
    }

    /** Adds {@code unknownFields} and {@code rawValues} and builds a top-level value schema. */
    public static Schema value(SchemaBuilder builder) {
        return builder.field(UNKNOWN_FIELDS, UNKNOWN_FIELDS_SCHEMA).field(RAW_VALUES, RAW_VALUES_SCHEMA).build();
    }

    public static Schema key(String doc) {
        return SchemaBuilder.string().doc(doc).build();
    }

    public static Schema string(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }

    public static Schema int64(String doc) {
        return SchemaBuilder.int64().optional().doc(doc).build();
    }

    public static Schema float64(String doc) {
        return SchemaBuilder.float64().optional().doc(doc).build();
    }

    public static Schema bool(String doc) {
        return SchemaBuilder.bool().optional().doc(doc).build();
    }

    /** An RFC 3339 field of the API, kept at millisecond precision. */
    public static Schema timestamp(String doc) {
        return Timestamp.builder().optional().doc(doc).build();
    }

    public static Schema stringArray(String doc) {
        return SchemaBuilder.array(Schema.STRING_SCHEMA).optional().doc(doc).build();
    }

    /** An optional array of required elements: null entries the API might send are dropped. */
    public static Schema array(Schema element, String doc) {
        return SchemaBuilder.array(element).optional().doc(doc).build();
    }

    public static Long int64(Integer value) {
        return value == null ? null : value.longValue();
    }
}
