package io.kafkaconnect.cinnox.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How far one page's length is taken as proof of what CINNOX answers (SPEC 2.5, A-04): CINNOX checks
 * {@code limit} with one message for every endpoint, so a silent cap, if any, is most likely one value for
 * the account; a user who sees endpoints capped differently can keep each endpoint's evidence apart.
 */
public enum PageLimitScope {
    /** A page of N rows on any endpoint shows that every endpoint answers at least N rows a page. */
    ACCOUNT,
    /** Each endpoint shows by its own pages how many rows it answers. */
    ENDPOINT;

    /** The word users write in {@code page.limit.scope}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value, ignoring case; throws {@link IllegalArgumentException} for other words. */
    public static PageLimitScope of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(PageLimitScope::configName).collect(Collectors.toList());
    }
}
