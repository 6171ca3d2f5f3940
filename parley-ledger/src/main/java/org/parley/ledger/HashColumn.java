package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable column of 32-byte hashes stored in fixed chunks of one MiB, so that a million-leaf
 * level neither needs one huge array nor copies itself when it grows.
 */
final class HashColumn {
    private static final int CHUNK_SHIFT = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private static final int H = Rfc9162Hasher.HASH_BYTES;

    private final List<byte[]> chunks = new ArrayList<>();
    private long count;

    long count() {
        return count;
    }

    void add(byte[] source, int offset) {
        int slot = (int) (count & (CHUNK_HASHES - 1));
        if (slot == 0) {
            chunks.add(new byte[CHUNK_HASHES * H]);
        }
        System.arraycopy(source, offset, chunks.get(chunks.size() - 1), slot * H, H);
        count++;
    }

    byte[] get(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("hash " + index + " of " + count);
        }
        byte[] out = new byte[H];
        System.arraycopy(chunk(index), offset(index), out, 0, H);
        return out;
    }

    /** Writes HASH(0x01 || this[left] || this[left + 1]) into {@code out}; left is even. */
    void hashPair(Rfc9162Hasher hasher, long left, byte[] out) {
        // An even index and its successor always share a chunk (chunks hold an even count).
        hasher.node(chunk(left), offset(left), chunk(left + 1), offset(left + 1), out, 0);
    }

    private byte[] chunk(long index) {
        return chunks.get((int) (index >>> CHUNK_SHIFT));
    }

    private static int offset(long index) {
        return (int) (index & (CHUNK_HASHES - 1)) * H;
    }
}
