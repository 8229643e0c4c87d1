package io.kafkaconnect.cinnox.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a raw query string into a {@link ReportQuery}, failing with the first 6451000 message in the SPEC 8.3 order:
 * unknown names, value formats, window pair, window order, window length, offset, limit, then endpoint parameters.
 */
final class QueryValidator {

    private final Behaviour behaviour;
    private final Traps traps;

    QueryValidator(Behaviour behaviour, Traps traps) {
        this.behaviour = behaviour;
        this.traps = traps;
    }

    /** Decodes a query string in order of appearance; the first occurrence of a name wins; '+' decodes to a space. */
    static Map<String, String> decode(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(decodePart(name), decodePart(value));
        }
        return out;
    }

    private static String decodePart(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "\u0000bad-encoding";
        }
    }

    ReportQuery validate(Endpoint endpoint, Map<String, String> query) {
        List<String> unknown = new ArrayList<>();
        for (String name : query.keySet()) {
            if (!endpoint.parameters().contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badQuery("Invalid query: " + String.join(", ", unknown));
        }
        Optional<Instant> from = time(query, "startAt");
        Optional<Instant> to = time(query, "endAt");
        int offset = integer(query, "offset");
        int limit = integer(query, "limit");
        for (String value : query.values()) {
            if (value.indexOf('\u0000') >= 0) {
                throw ApiException.badQuery("Bad query");
            }
        }
        if (endpoint.windowed()) {
            checkWindow(endpoint, from.orElse(null), to.orElse(null));
        }
        if (offset < 0) {
            throw ApiException.badQuery("negative offset");
        }
        if (limit < 0) {
            throw ApiException.badQuery("negative limit");
        }
        if (limit > behaviour.maxLimit()) {
            throw ApiException.badQuery("exceed maximum limit " + behaviour.maxLimit());
        }
        checkEndpointParameters(endpoint, query);
        boolean paging = query.containsKey("offset") || query.containsKey("limit");
        int pageSize = limit == 0 ? behaviour.defaultLimit() : limit;
        int cap = traps.limitCap(endpoint.pathName());
        if (cap > 0) {
            pageSize = Math.min(pageSize, cap);
        }
        return new ReportQuery(endpoint, from.orElse(null), to.orElse(null), offset, pageSize, paging,
                Map.copyOf(query));
    }

    private void checkWindow(Endpoint endpoint, Instant from, Instant to) {
        if (from == null && to == null) {
            throw ApiException.badQuery("Empty time range (missing startAt and endAt)");
        }
        if (from == null || to == null) {
            throw ApiException.badQuery("missing one of startAt, endAt");
        }
        if (to.isBefore(from)) {
            throw ApiException.badQuery("endAt is prior to startAt");
        }
        int maxDays = behaviour.maxWindowDays(endpoint.pathName());
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw ApiException.badQuery("Exceed maximum query day " + maxDays);
        }
    }

    private static void checkEndpointParameters(Endpoint endpoint, Map<String, String> query) {
        switch (endpoint) {
            case ENQUIRY_CHAT -> {
                if (blank(query.get("enquiryID"))) {
                    throw ApiException.badQuery("enquiryID is required");
                }
            }
            case RECORDING_FILE -> {
                boolean call = !blank(query.get("callID"));
                boolean conference = !blank(query.get("conferenceID"));
                if (!call && !conference) {
                    throw ApiException.badQuery("callID or conferenceID is required");
                }
                if (call && conference) {
                    throw ApiException.badQuery("only one of callID or conferenceID is allowed");
                }
            }
            case CHANNEL_TYPE_DETAIL -> {
                if (ChannelCatalog.type(query.get("channelType")).isEmpty()) {
                    throw ApiException.badQuery("Invalid channel type");
                }
            }
            case SENT_CAMPAIGNS_DETAIL -> {
                if (blank(query.get("historyID"))) {
                    throw ApiException.badQuery("Bad query");
                }
            }
            default -> {
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<Instant> time(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Timestamps.parse(value).orElseThrow(() -> ApiException.badQuery("Bad query")));
    }

    private static int integer(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badQuery("Bad query");
        }
    }
}
