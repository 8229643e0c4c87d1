package io.kafkaconnect.cinnox.client;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/** Byte-level damage for the fuzz bodies: cuts, flips, invalid UTF-8 sequences and binary noise. */
final class FuzzBytes {

    private final Random random;

    FuzzBytes(Random random) {
        this.random = random;
    }

    byte[] truncate(byte[] whole) {
        return whole.length == 0 ? whole : Arrays.copyOf(whole, random.nextInt(whole.length));
    }

    byte[] mutate(byte[] bytes) {
        byte[] current = bytes;
        for (int n = 1 + random.nextInt(5); n > 0 && current.length > 0; n--) {
            int at = random.nextInt(current.length);
            int op = random.nextInt(4);
            if (op == 0) {
                current[at] = (byte) random.nextInt(256);
            } else if (op == 1) {
                int end = Math.min(current.length, at + 1 + random.nextInt(8));
                current = concat(Arrays.copyOf(current, at), Arrays.copyOfRange(current, end, current.length));
            } else if (op == 2) {
                byte[] insert = new byte[1 + random.nextInt(4)];
                random.nextBytes(insert);
                current = concat(Arrays.copyOf(current, at), insert, Arrays.copyOfRange(current, at, current.length));
            } else {
                int end = Math.min(current.length, at + 1 + random.nextInt(16));
                current = concat(Arrays.copyOf(current, end), Arrays.copyOfRange(current, at, current.length));
            }
        }
        return current;
    }

    byte[] invalidUtf8(byte[] bytes) {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
                {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}};
        byte[] current = bytes;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int quote = indexOfQuote(current, random.nextInt(Math.max(1, current.length)));
            int at = quote >= 0 && random.nextInt(4) != 0 ? quote + 1 : random.nextInt(current.length + 1);
            current = concat(Arrays.copyOf(current, at), bad[random.nextInt(bad.length)],
                    Arrays.copyOfRange(current, at, current.length));
        }
        return current;
    }

    private static int indexOfQuote(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    byte[] binary() {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        byte[][] prefixes = {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
                {0, 0, 0, '['}, {'[', 0, 0, 0}, {0, '{'}, {0x1F, (byte) 0x8B, 8}};
        byte[] prefix = prefixes[random.nextInt(prefixes.length)];
        return concat(prefix, bytes);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
