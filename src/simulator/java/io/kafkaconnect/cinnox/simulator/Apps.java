package io.kafkaconnect.cinnox.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Apps the simulator knows, by App ID and by token; each belongs to a service account. */
final class Apps {

    private final Map<String, SimAccount> byAppId = new ConcurrentHashMap<>();
    private final Map<String, SimAccount> byToken = new ConcurrentHashMap<>();

    void add(SimAccount app) {
        if (byAppId.containsKey(app.appId()) || byToken.containsKey(app.token())) {
            throw new IllegalArgumentException("app id or token already registered: " + app.appId());
        }
        byAppId.put(app.appId(), app);
        byToken.put(app.token(), app);
    }

    Optional<SimAccount> byAppId(String appId) {
        return Optional.ofNullable(byAppId.get(appId));
    }

    Optional<SimAccount> byToken(String token) {
        return Optional.ofNullable(token == null ? null : byToken.get(token));
    }
}
