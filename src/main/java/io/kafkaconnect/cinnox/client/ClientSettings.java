package io.kafkaconnect.cinnox.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link CinnoxClient} needs: where the API is, who we are, how long to wait. Built once
 * from the connector configuration; {@code toString()} masks the token.
 */
public final class ClientSettings {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final String appId;
    private final AppToken appToken;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int pageSize;
    private final Clock clock;

    private ClientSettings(Builder builder) {
        this.baseUrl = checkBaseUrl(builder.baseUrl);
        this.appId = requireText(builder.appId, "appId");
        this.appToken = Objects.requireNonNull(builder.appToken, "appToken");
        this.connectTimeout = checkTimeout(builder.connectTimeout, "connectTimeout");
        this.readTimeout = checkTimeout(builder.readTimeout, "readTimeout");
        this.callTimeout = checkTimeout(builder.callTimeout, "callTimeout");
        this.pageSize = new PageRequest(0, builder.pageSize).limit();
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The per-tenant base URL as configured (http or https; http is meant for loopback tests). */
    public String baseUrl() {
        return baseUrl;
    }

    public String appId() {
        return appId;
    }

    public AppToken appToken() {
        return appToken;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Bound on one whole exchange, including reading the body; zero means none. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Default page size for callers ({@link CinnoxClient#firstPage()}); 1..500. */
    public int pageSize() {
        return pageSize;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ClientSettings{baseUrl=" + baseUrl + ", appId=" + appId + ", appToken=" + appToken
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout + ", pageSize=" + pageSize + "}";
    }

    private static String checkBaseUrl(String value) {
        requireText(value, "baseUrl");
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host: " + value);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must not carry a query, fragment or user info");
            }
            return value.strip();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration checkTimeout(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /** Fluent builder; base URL, app id and token are required, the rest has defaults. */
    public static final class Builder {
        private String baseUrl;
        private String appId;
        private AppToken appToken;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int pageSize = PageRequest.MAX_LIMIT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder appToken(AppToken appToken) {
            this.appToken = appToken;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
