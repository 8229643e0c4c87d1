package io.kafkaconnect.cinnox.simulator;

import java.util.ArrayList;
import java.util.List;

/** The stable cast of one service account: staff, destinations, tags and numbers, derived from the seed and the account. */
record Roster(String serviceAccountId, List<Staff> staff, List<Destination> destinations, List<String> tags,
              List<String> virtualNumbers, String smsSenderId) {

    record Staff(String eid, String name) {
    }

    record Destination(String id, String name, String type) {
    }

    static Roster of(long seed, String serviceAccountId) {
        Rng rng = Rng.of(seed, serviceAccountId, 0, "roster");
        List<Staff> staff = new ArrayList<>();
        for (String name : Phrasebook.STAFF_NAMES) {
            staff.add(new Staff("stf-" + rng.hex(10), name));
        }
        List<Destination> destinations = new ArrayList<>();
        List<String> types = List.of("STAFF", "PHONE", "STAFF", "TRUNK", "STAFF", "PHONE");
        for (int i = 0; i < Phrasebook.DESTINATION_NAMES.size(); i++) {
            destinations.add(new Destination("dst-" + rng.hex(10), Phrasebook.DESTINATION_NAMES.get(i), types.get(i)));
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tags.add("tag-" + rng.hex(10));
        }
        List<String> numbers = List.of("+8523001" + rng.digits(4), "+8523001" + rng.digits(4), "+6531" + rng.digits(6));
        String prefix = serviceAccountId.split("[.-]")[0].toUpperCase(java.util.Locale.ROOT);
        String sender = prefix.length() > 11 ? prefix.substring(0, 11) : prefix;
        return new Roster(serviceAccountId, List.copyOf(staff), List.copyOf(destinations), List.copyOf(tags), numbers, sender);
    }

    Staff staff(Rng rng) {
        return rng.pick(staff);
    }
}
