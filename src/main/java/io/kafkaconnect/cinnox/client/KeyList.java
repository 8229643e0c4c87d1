package io.kafkaconnect.cinnox.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few key paths of a response body, for the message of an answer in an unknown shape. Key
 * names are cut short and stripped to plain characters, so that no URL or value leaks into a log.
 */
final class KeyList {

    private static final int MAX_KEYS = 12;
    private static final int MAX_KEY_LENGTH = 40;

    private final List<String> keys = new ArrayList<>();
    private int more;

    void add(String path) {
        if (keys.size() >= MAX_KEYS) {
            more++;
            return;
        }
        String plain = path.replaceAll("[^A-Za-z0-9_.\\-]", "?");
        keys.add(plain.length() > MAX_KEY_LENGTH ? plain.substring(0, MAX_KEY_LENGTH) + "..." : plain);
    }

    @Override
    public String toString() {
        if (keys.isEmpty()) {
            return "none";
        }
        return String.join(", ", keys) + (more > 0 ? " and " + more + " more" : "");
    }
}
