package io.kafkaconnect.cinnox.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Key hashes and their version hashes, sorted by key, in two parallel arrays: 12 bytes an entry, looked
 * up by binary search. Immutable; its text form is the entries packed big-endian and base64-encoded.
 */
final class Entries {

    static final Entries EMPTY = new Entries(new long[0], new int[0]);
    static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES;

    private final long[] keys;
    private final int[] versions;

    private Entries(long[] keys, int[] versions) {
        this.keys = keys;
        this.versions = versions;
    }

    int size() {
        return keys.length;
    }

    /** The index of {@code key}, or a negative number when absent. */
    int indexOf(long key) {
        return Arrays.binarySearch(keys, key);
    }

    long key(int index) {
        return keys[index];
    }

    int version(int index) {
        return versions[index];
    }

    /** These entries without the keys in {@code removed}, with those of {@code put} added or replaced. */
    Entries merged(SortedMap<Long, Integer> put, Set<Long> removed) {
        long[] outKeys = new long[keys.length + put.size()];
        int[] outVersions = new int[outKeys.length];
        int n = 0;
        int i = 0;
        for (Map.Entry<Long, Integer> add : put.entrySet()) {
            long key = add.getKey();
            for (; i < keys.length && keys[i] < key; i++) {
                n = keep(outKeys, outVersions, n, i, removed);
            }
            if (i < keys.length && keys[i] == key) {
                i++;
            }
            outKeys[n] = key;
            outVersions[n++] = add.getValue();
        }
        for (; i < keys.length; i++) {
            n = keep(outKeys, outVersions, n, i, removed);
        }
        return n == 0 ? EMPTY : new Entries(Arrays.copyOf(outKeys, n), Arrays.copyOf(outVersions, n));
    }

    private int keep(long[] outKeys, int[] outVersions, int n, int i, Set<Long> removed) {
        if (removed.contains(keys[i])) {
            return n;
        }
        outKeys[n] = keys[i];
        outVersions[n] = versions[i];
        return n + 1;
    }

    String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(keys.length * ENTRY_BYTES);
        for (int i = 0; i < keys.length; i++) {
            bytes.putLong(keys[i]).putInt(versions[i]);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * Reads the form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException when the text is not base64 of whole entries in ascending key order
     */
    static Entries decode(String text) {
        byte[] raw = Base64.getDecoder().decode(text);
        if (raw.length % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException(raw.length + " bytes are not whole " + ENTRY_BYTES + "-byte entries");
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        int count = raw.length / ENTRY_BYTES;
        long[] keys = new long[count];
        int[] versions = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = bytes.getLong();
            versions[i] = bytes.getInt();
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("entry " + i + " is out of order");
            }
        }
        return count == 0 ? EMPTY : new Entries(keys, versions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entries that && Arrays.equals(keys, that.keys) && Arrays.equals(versions, that.versions);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(versions);
    }
}
