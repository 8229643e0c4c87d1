package io.kafkaconnect.cinnox.records;

import io.kafkaconnect.cinnox.report.ReportFormat;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** Builds the version texts of {@link ReportFormat#version}: readable joins, or a hash of a whole struct. */
public final class Versions {

    /** The version of records that never change after the API first returns them. */
    public static final String IMMUTABLE = "1";

    private static final char SEPARATOR = '|';

    private Versions() {
    }

    /** Joins the parts with {@code |}; null parts become empty, lists are joined with commas. */
    public static String join(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            Object part = parts[i];
            if (part instanceof Collection<?> values) {
                int n = 0;
                for (Object value : values) {
                    text.append(n++ > 0 ? "," : "").append(value);
                }
            } else if (part != null) {
                text.append(part);
            }
        }
        return text.toString();
    }

    /** A 128-bit hash (hex) of every value of the struct, nested ones included, in schema order. */
    public static String hash(Struct struct) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        feed(hasher, struct);
        return hasher.hash().toString();
    }

    private static void feed(Hasher hasher, Object value) {
        if (value == null) {
            hasher.putByte((byte) 0);
        } else if (value instanceof Struct struct) {
            hasher.putByte((byte) 1);
            for (Field field : struct.schema().fields()) {
                hasher.putString(field.name(), StandardCharsets.UTF_8);
                feed(hasher, struct.get(field));
            }
        } else if (value instanceof Collection<?> values) {
            hasher.putByte((byte) 2).putInt(values.size());
            values.forEach(v -> feed(hasher, v));
        } else if (value instanceof Map<?, ?> map) {
            hasher.putByte((byte) 3).putInt(map.size());
            map.forEach((k, v) -> {
                feed(hasher, k);
                feed(hasher, v);
            });
        } else if (value instanceof Date date) {
            hasher.putByte((byte) 4).putLong(date.getTime());
        } else {
            hasher.putByte((byte) 5).putString(value.toString(), StandardCharsets.UTF_8);
        }
    }
}
