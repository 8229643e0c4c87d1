package io.kafkaconnect.cinnox.ledger;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The fixed-size stand-ins a ledger keeps instead of record keys and versions: 64 bits per key (a
 * collision among a bucket's few thousand keys has odds below 1 in 10^12) and 32 bits per version (a
 * collision only hides one change of one record).
 */
public final class RowHashes {

    private RowHashes() {
    }

    /** The 64-bit hash of a record key; never 0, which means "no row" in cursors. */
    public static long key(String key) {
        long hash = Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8).asLong();
        return hash == 0 ? 1 : hash;
    }

    /** The 32-bit hash of a record version text. */
    public static int version(String version) {
        return Hashing.murmur3_32_fixed().hashString(version, StandardCharsets.UTF_8).asInt();
    }
}
