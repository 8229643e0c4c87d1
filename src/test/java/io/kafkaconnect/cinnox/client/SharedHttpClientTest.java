package io.kafkaconnect.cinnox.client;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedHttpClientTest {

    private static ClientSettings settings(Duration readTimeout) {
        return ClientSettings.builder().baseUrl("https://x.example").appId("a").appToken(new AppToken("t"))
                .readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(9)).build();
    }

    @Test
    void derivedClientsSharePoolAndDispatcherButNotTimeouts() {
        OkHttpClient a = SharedHttpClient.forSettings(settings(Duration.ofSeconds(5)));
        OkHttpClient b = SharedHttpClient.forSettings(settings(Duration.ofSeconds(7)));
        assertSame(SharedHttpClient.root().connectionPool(), a.connectionPool());
        assertSame(a.connectionPool(), b.connectionPool());
        assertSame(a.dispatcher(), b.dispatcher());
        assertEquals(5_000, a.readTimeoutMillis());
        assertEquals(7_000, b.readTimeoutMillis());
        assertEquals(3_000, a.connectTimeoutMillis());
        assertEquals(9_000, a.callTimeoutMillis());
    }

    @Test
    void oneLogicalRequestIsOneHttpRequest() {
        OkHttpClient client = SharedHttpClient.forSettings(settings(Duration.ofSeconds(1)));
        assertFalse(client.retryOnConnectionFailure());
        assertFalse(client.followRedirects());
        assertFalse(client.followSslRedirects());
        assertSame(SharedHttpClient.root().sslSocketFactory(), client.sslSocketFactory());
        assertSame(SharedHttpClient.root().hostnameVerifier(), client.hostnameVerifier());
    }
}
