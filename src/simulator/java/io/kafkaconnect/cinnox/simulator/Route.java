package io.kafkaconnect.cinnox.simulator;

import java.util.Optional;

/** A request path split into App ID and resource ("data/enquiry-detail", "inquiry-event-sub", or anything else). */
record Route(String appId, String resource) {

    private static final String PREFIX = "/v1/api/apps/";

    static Optional<Route> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Route(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    boolean isData() {
        return resource.startsWith("data/") && resource.indexOf('/', 5) < 0 && resource.length() > 5;
    }

    boolean isSubscription() {
        return resource.equals(Endpoint.SUBSCRIPTION);
    }

    /** The endpoint name used by the request log: the data type, or "inquiry-event-sub", or null. */
    String endpointName() {
        if (isData()) {
            return resource.substring(5);
        }
        return isSubscription() ? Endpoint.SUBSCRIPTION : null;
    }
}
