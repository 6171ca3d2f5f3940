package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The building side of the log: an append-only RFC 9162 Merkle tree that keeps the hash of every
 * complete (power-of-two, aligned) subtree, so that an append costs O(1) amortised and O(log n) at
 * worst, and the root at any size or an inclusion or consistency proof costs O(log n) hashes.
 *
 * <p>Level {@code l} holds the hashes of the aligned subtrees of {@code 2^l} leaves; level 0 holds
 * the leaf hashes. The right edge of a tree whose size is not a power of two is never stored: it is
 * folded from the stored complete subtrees when needed (RFC 9162 section 2.1.1 splits at the
 * largest power of two smaller than n, so every left part is complete).
 *
 * <p>Not thread-safe; {@link Ledger} guards it with a lock. Shares nothing with {@link
 * ProofVerifier} but {@link Rfc9162Hasher}.
 */
final class MerkleTree {
    private final Rfc9162Hasher hasher = Rfc9162Hasher.create();
    private final List<HashColumn> levels = new ArrayList<>();
    private long size;

    /** Rebuilds the tree from stored leaf hashes, reading {@code batch} at a time. */
    static MerkleTree load(LeafStore store, int batch) {
        MerkleTree loaded = new MerkleTree();
        long size = store.size();
        for (long from = 0; from < size; from += batch) {
            for (MerkleHash leaf : store.read(from, Math.min(size, from + batch))) {
                loaded.appendLeafHash(leaf.bytes());
            }
        }
        return loaded;
    }

    /** Appends the leaves the store gained since this tree was loaded from it. */
    void catchUp(LeafStore store, int batch) {
        long stored = store.size();
        for (long from = size; from < stored; from = size) {
            for (MerkleHash leaf : store.read(from, Math.min(stored, from + batch))) {
                appendLeafHash(leaf.bytes());
            }
        }
    }

    long size() {
        return size;
    }

    /** Appends one leaf hash (already {@code SHA-256(0x00 || data)}) and completes its parents. */
    void appendLeafHash(byte[] leafHash) {
        level(0).add(leafHash, 0);
        long index = size;
        int level = 0;
        // A node at an odd index completes a pair: hash it with its left sibling, one level up.
        while ((index & 1) == 1) {
            HashColumn column = levels.get(level);
            byte[] parent = new byte[Rfc9162Hasher.HASH_BYTES];
            column.hashPair(hasher, index - 1, parent);
            level(level + 1).add(parent, 0);
            index >>>= 1;
            level++;
        }
        size++;
    }

    /** The leaf hash at a zero-based index below {@link #size()}. */
    byte[] leafHash(long index) {
        return levels.get(0).get(index);
    }

    /** RFC 9162 section 2.1.1: MTH of the first {@code treeSize} leaves. */
    byte[] root(long treeSize) {
        requireSize(treeSize);
        return treeSize == 0 ? hasher.emptyRoot() : subtree(0, treeSize);
    }

    /** RFC 9162 section 2.1.3.1: PATH(m, D[n]), leaf's sibling first. */
    List<byte[]> inclusionPath(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafIndex, 0, treeSize, path);
        return path;
    }

    /** RFC 9162 section 2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    List<byte[]> consistencyPath(long fromSize, long toSize) {
        requireSize(toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from size " + fromSize + " to " + toSize);
        }
        List<byte[]> path = new ArrayList<>();
        if (fromSize > 0 && fromSize < toSize) {
            subproof(fromSize, 0, toSize, true, path);
        }
        return path;
    }

    private void path(long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, out);
            out.add(subtree(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, out);
            out.add(subtree(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean startsAtOldRoot, List<byte[]> out) {
        if (m == n) {
            // The old tree's root is itself a node of the new tree; send it unless the verifier has it.
            if (!startsAtOldRoot) {
                out.add(subtree(start, n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, startsAtOldRoot, out);
            out.add(subtree(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, out);
            out.add(subtree(start, k));
        }
    }

    /** MTH(D[start : start + count]); start is always aligned to the subtree's left part. */
    private byte[] subtree(long start, long count) {
        if (Long.bitCount(count) == 1) {
            int level = Long.numberOfTrailingZeros(count);
            return levels.get(level).get(start >>> level);
        }
        long k = largestPowerOfTwoBelow(count);
        return hasher.node(subtree(start, k), subtree(start + k, count - k));
    }

    /** RFC 9162 section 2.1.1: k is the largest power of two smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private HashColumn level(int level) {
        if (level == levels.size()) {
            levels.add(new HashColumn());
        }
        return levels.get(level);
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + size);
        }
    }
}
