package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generates one day's SMS rows and sent campaigns with their recipient delivery timelines. */
final class MessagingFactory {

    private static final List<String> USAGES = List.of("direct", "direct", "verification", "openAPI-sms", "openAPI-otp");

    private final long seed;
    private final Roster roster;
    private final int tieGroup;

    MessagingFactory(long seed, Roster roster, int tieGroup) {
        this.seed = seed;
        this.roster = roster;
        this.tieGroup = tieGroup;
    }

    List<Sms> sms(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "sms");
        List<Instant> times = DayTimes.spread(rng, Instant.ofEpochSecond(epochDay * 86_400), count, tieGroup);
        List<Sms> out = new ArrayList<>(count);
        for (Instant at : times) {
            out.add(sms(rng, at));
        }
        return out;
    }

    private Sms sms(Rng rng, Instant at) {
        String usage = rng.pick(USAGES);
        boolean staff = usage.equals("direct");
        Roster.Staff from = staff ? roster.staff(rng) : null;
        Phrasebook.Place place = rng.pick(Phrasebook.PLACES);
        boolean rejected = rng.chance(0.02);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(at, rejected ? "Undelivered" : "Queued"));
        if (!rejected) {
            double outcome = rng.unit();
            if (outcome < 0.85) {
                steps.add(new Step(at.plusMillis(rng.between(1_500, 30_000)), "Delivered"));
            } else if (outcome < 0.95) {
                steps.add(new Step(at.plusMillis(rng.between(60_000, 900_000)), "Undelivered"));
            } else {
                steps.add(new Step(at.plusMillis(rng.between(3_600_000, 14_400_000)), "Delivered"));
            }
        }
        String reference = usage.startsWith("openAPI-otp") || usage.equals("verification") ? rng.digits(6)
                : "E" + rng.digits(6) + "-" + rng.digits(5);
        String text = String.format(rng.pick(Phrasebook.SMS_TEXTS), reference);
        return new Sms(IdCodec.objectId(at, rng), staff ? from.eid() : "", "", "cid-" + rng.hex(6),
                staff ? rng.pick(roster.virtualNumbers()) : roster.smsSenderId(),
                place.phonePrefix() + rng.digits(place.phoneDigits()), place.country(),
                rejected ? "Rejected" : "Submitted", usage, text, at, "sms-" + rng.hex(8) + "-" + rng.hex(4)
                + "-4" + rng.hex(3) + "-" + rng.hex(4) + "-" + rng.hex(12), staff, List.copyOf(steps));
    }

    List<Campaign> campaigns(long epochDay, int count) {
        Rng rng = Rng.of(seed, roster.serviceAccountId(), epochDay, "campaign");
        List<Instant> times = DayTimes.spread(rng, Instant.ofEpochSecond(epochDay * 86_400), count, tieGroup);
        List<Campaign> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(campaign(rng, new IdCodec.Slot(epochDay, i), times.get(i)));
        }
        return out;
    }

    private Campaign campaign(Rng rng, IdCodec.Slot slot, Instant at) {
        boolean whatsApp = rng.chance(0.4);
        Roster.Staff by = roster.staff(rng);
        List<Campaign.Recipient> recipients = new ArrayList<>();
        for (int i = 0, n = rng.between(5, 60); i < n; i++) {
            Phrasebook.Place place = rng.pick(Phrasebook.PLACES.subList(0, 4));
            recipients.add(new Campaign.Recipient(place.phonePrefix() + rng.digits(place.phoneDigits()),
                    place.country(), whatsApp ? whatsAppSteps(rng, at) : smsSteps(rng, at),
                    "Message undeliverable: recipient is not a WhatsApp user"));
        }
        String phone = whatsApp ? roster.virtualNumbers().get(0) : roster.smsSenderId();
        return new Campaign(IdCodec.historyId(slot, rng), at, rng.pick(Phrasebook.CAMPAIGN_NAMES),
                whatsApp ? "WhatsApp" : "SMS", by.name(), phone, whatsApp ? "ACME WhatsApp 官方" : "",
                whatsApp ? "Meta Business" : "", whatsApp ? "" : by.eid(),
                whatsApp ? rng.pick(Phrasebook.WHATSAPP_TEMPLATES) : "", rng.pick(Phrasebook.CAMPAIGN_TEXTS),
                List.copyOf(recipients));
    }

    private static List<Step> smsSteps(Rng rng, Instant at) {
        Instant submitted = at.plusMillis(rng.between(200, 5_000));
        Instant done = submitted.plusMillis(rng.between(2_000, 1_800_000));
        return List.of(new Step(at, "Pending"), new Step(submitted, "Submitted"),
                new Step(done, rng.chance(0.93) ? "Delivered" : "Undelivered"));
    }

    private static List<Step> whatsAppSteps(Rng rng, Instant at) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(at, "Pending"));
        Instant t = at.plusMillis(rng.between(500, 10_000));
        steps.add(new Step(t, "Sent"));
        if (rng.chance(0.05)) {
            steps.add(new Step(t.plusMillis(rng.between(1_000, 60_000)), "Failed"));
            return List.copyOf(steps);
        }
        t = t.plusMillis(rng.between(1_000, 120_000));
        steps.add(new Step(t, "Delivered"));
        if (rng.chance(0.7)) {
            t = t.plusMillis(rng.between(10_000, 3_600_000));
            steps.add(new Step(t, "Read"));
            if (rng.chance(0.15)) {
                steps.add(new Step(t.plusMillis(rng.between(5_000, 600_000)), "Replied"));
            }
        }
        return List.copyOf(steps);
    }
}
