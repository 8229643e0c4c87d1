package io.kafkaconnect.cinnox.client;

import java.util.Objects;

/**
 * The CINNOX App Token, a bearer secret. Wrapping it keeps it out of {@code toString()}, logs and
 * exception messages by construction.
 */
public final class AppToken {

    private final String value;

    public AppToken(String value) {
        Objects.requireNonNull(value, "app token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("app token must not be blank");
        }
        this.value = value;
    }

    /** The raw secret; only for the Authorization header. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
