package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable column of 32-byte hashes stored in fixed chunks of 256 KiB, so that a million-leaf
 * level neither needs one huge array nor copies itself when it grows.
 */
final class HashColumn {
    /*
     * 8,192 hashes, 256 KiB a chunk. Not one MiB: G1 makes any object of half a region or more
     * "humongous", in regions of its own whose unused rest nothing else may take; with 1 MiB regions
     * (heaps under 4 GiB) a 1 MiB chunk plus its array header spans two, so the tree cost twice its
     * size in heap (docs/soak.md). A 256 KiB chunk is an ordinary object.
     */
    private static final int CHUNK_SHIFT = 13;
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
