package io.kafkaconnect.cinnox.simulator;

import java.util.Locale;
import java.util.Map;

/**
 * The switches of {@link Traps} (and per-endpoint envelopes of {@link Behaviour}) as name=value pairs, for a simulator in another process:
 * the {@code POST /_sim/behaviour} admin route and the {@code --behaviour} flag share this one reading.
 */
final class BehaviourParameters {

    static final String NAMES = "shuffle-ties=on|off, limit-cap=N|ENDPOINT:N, chat-refused-first=N, chat-page-limit=N, "
            + "late-insert=ENDPOINT:N, envelope=ENDPOINT:result|data|bare-array, items-envelope=ENDPOINT:on|off";

    private BehaviourParameters() {
    }

    /** Applies every pair; an unknown name or a bad value fails before anything is changed. */
    static void apply(Behaviour behaviour, Traps traps, Map<String, String> pairs) {
        Behaviour scratchBehaviour = new Behaviour();
        Traps scratchTraps = new Traps();
        pairs.forEach((name, value) -> applyOne(scratchBehaviour, scratchTraps, name, value));
        pairs.forEach((name, value) -> applyOne(behaviour, traps, name, value));
    }

    private static void applyOne(Behaviour b, Traps t, String name, String value) {
        switch (name) {
            case "shuffle-ties" -> t.shuffleTies(onOff(name, value));
            case "limit-cap" -> limitCap(t, name, value);
            case "chat-refused-first" -> t.chatRefusedFirst(number(name, value));
            case "chat-page-limit" -> t.chatPageLimit(number(name, value));
            case "late-insert" -> t.lateInsert(endpoint(name, value), number(name, after(name, value)));
            case "envelope" -> b.envelope(endpoint(name, value), envelope(after(name, value)));
            case "items-envelope" -> t.itemsEnvelope(endpoint(name, value), onOff(name, after(name, value)));
            default -> throw new IllegalArgumentException("unknown behaviour switch " + name + "; known: " + NAMES);
        }
    }

    /** {@code N} caps every endpoint; {@code ENDPOINT:N} caps that one alone. */
    private static void limitCap(Traps t, String name, String value) {
        if (value.indexOf(':') < 0) {
            t.limitCap(number(name, value));
        } else {
            t.limitCap(endpoint(name, value), number(name, after(name, value)));
        }
    }

    private static boolean onOff(String name, String value) {
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException(name + " must be on or off");
        }
        return value.equals("on");
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got " + value);
        }
    }

    private static String endpoint(String name, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(name + " needs ENDPOINT:VALUE, got " + value);
        }
        return value.substring(0, colon);
    }

    private static String after(String name, String value) {
        return value.substring(value.indexOf(':') + 1);
    }

    private static Envelope envelope(String value) {
        try {
            return Envelope.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown envelope " + value);
        }
    }
}
