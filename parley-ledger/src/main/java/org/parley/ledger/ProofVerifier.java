package org.parley.ledger;

import java.security.MessageDigest;
import java.util.List;

/**
 * The checking side: RFC 9162 sections 2.1.3.2 and 2.1.4.2, written from the RFC's step lists and
 * sharing nothing with {@link MerkleTree} except {@link Rfc9162Hasher}, so that a bug in the
 * builder cannot be mirrored by the verifier. Every failure throws {@link LedgerException} with
 * the step that failed.
 */
final class ProofVerifier {
    private final Rfc9162Hasher hasher = Rfc9162Hasher.create();

    /** RFC 9162 section 2.1.3.2: verifying an inclusion proof. */
    void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] rootHash) {
        // Step 1: the leaf must lie inside the tree.
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw fail("inclusion proof: leaf index " + leafIndex + " is not below tree size " + treeSize);
        }
        requireHashes(leafHash, rootHash, path, "inclusion proof");
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            // Step 4a: a path longer than the tree is tall cannot be right.
            if (sn == 0) {
                throw fail("inclusion proof: path has " + path.size() + " hashes, more than a tree of " + treeSize
                        + " leaves needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                // Step 4b: p is a left sibling; skip levels where this node has no right sibling.
                r = hasher.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Step 4c: p is a right sibling.
                r = hasher.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5: the path must reach exactly the root.
        if (sn != 0) {
            throw fail("inclusion proof: path has " + path.size() + " hashes, too few for a tree of " + treeSize
                    + " leaves");
        }
        if (!MessageDigest.isEqual(r, rootHash)) {
            throw fail("inclusion proof: the path leads to root " + hex(r) + ", not to the signed root " + hex(rootHash)
                    + " (the leaf or a proof hash was changed)");
        }
    }

    /** RFC 9162 section 2.1.4.2: verifying consistency between two tree heads. */
    void verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> path) {
        if (first < 0 || second < first) {
            throw fail("consistency proof: sizes go backwards, from " + first + " to " + second);
        }
        requireHashes(firstHash, secondHash, path, "consistency proof");
        if (first == second || first == 0) {
            verifyTrivialConsistency(first, second, firstHash, secondHash, path);
            return;
        }
        // Step 1.
        if (path.isEmpty()) {
            throw fail("consistency proof: empty path from size " + first + " to " + second);
        }
        // Step 2: when the old tree is a complete subtree its root starts the path.
        boolean powerOfTwo = Long.bitCount(first) == 1;
        int next = powerOfTwo ? 0 : 1;
        byte[] seed = powerOfTwo ? firstHash : path.get(0);
        byte[][] roots = walkConsistency(first, second, seed, path, next);
        // Step 7: both roots must come out as the roots the two heads claim.
        if (!MessageDigest.isEqual(roots[0], firstHash)) {
            throw fail("consistency proof: the first " + first + " leaves now hash to " + hex(roots[0])
                    + ", not to the earlier root " + hex(firstHash) + " (the record was rewritten)");
        }
        if (!MessageDigest.isEqual(roots[1], secondHash)) {
            throw fail("consistency proof: the path leads to root " + hex(roots[1]) + ", not to the new root "
                    + hex(secondHash));
        }
    }

    /** RFC 9162 section 2.1.4.2 steps 3 to 6 and the size part of step 7; returns {fr, sr}. */
    private byte[][] walkConsistency(long first, long second, byte[] seed, List<byte[]> path, int next) {
        // Steps 3 and 4.
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        byte[] fr = seed;
        byte[] sr = seed;
        // Step 6.
        for (int i = next; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                throw fail("consistency proof: path has more hashes than a proof from " + first + " to " + second
                        + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hasher.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw fail("consistency proof: path is too short for a proof from " + first + " to " + second);
        }
        return new byte[][] {fr, sr};
    }

    private static void verifyTrivialConsistency(
            long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> path) {
        // An empty tree is a prefix of every tree; a tree is consistent with itself iff the roots match.
        if (!path.isEmpty()) {
            throw fail("consistency proof: from size " + first + " to " + second + " the path must be empty, it has "
                    + path.size() + " hashes");
        }
        if (first == second && !MessageDigest.isEqual(firstHash, secondHash)) {
            throw fail("consistency proof: two heads of the same size " + first + " have different roots "
                    + hex(firstHash) + " and " + hex(secondHash) + " (the record was rewritten)");
        }
    }

    private static void requireHashes(byte[] a, byte[] b, List<byte[]> path, String what) {
        if (a.length != Rfc9162Hasher.HASH_BYTES || b.length != Rfc9162Hasher.HASH_BYTES) {
            throw fail(what + ": hashes must be 32 bytes");
        }
        for (byte[] p : path) {
            if (p.length != Rfc9162Hasher.HASH_BYTES) {
                throw fail(what + ": a path hash has " + p.length + " bytes, not 32");
            }
        }
    }

    private static String hex(byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }

    private static LedgerException fail(String message) {
        return new LedgerException(message);
    }
}
