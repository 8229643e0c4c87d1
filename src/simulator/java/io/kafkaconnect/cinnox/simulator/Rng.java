package io.kafkaconnect.cinnox.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random source whose seed is derived from (simulator seed, account, day, purpose), so generated data is a pure function of them. */
final class Rng {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Rng of(long seed, String account, long epochDay, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ account.hashCode());
        h = mix(h ^ epochDay);
        return new Rng(mix(h ^ purpose.hashCode()));
    }

    static Rng of(long seed) {
        return new Rng(mix(seed));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return random.nextLong();
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    long between(long lo, long hi) {
        return lo + random.nextLong(hi - lo + 1);
    }

    /** Uniform in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String hex(int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    String digits(int count) {
        StringBuilder b = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    String ip() {
        return between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
    }
}
