package org.parley.ledger;

import java.util.List;

/**
 * RFC 9162 section 2.1.3: the audit path proving that leaf {@code leafIndex} (zero-based) is in the
 * tree of {@code treeSize} leaves. The path runs from the leaf's sibling up to the root's child.
 */
public record InclusionProof(long leafIndex, long treeSize, List<MerkleHash> path) {
    public InclusionProof {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leafIndex must be >= 0: " + leafIndex);
        }
        if (treeSize <= leafIndex) {
            throw new IllegalArgumentException(
                    "treeSize must be > leafIndex: treeSize " + treeSize + ", leafIndex " + leafIndex);
        }
        if (path.size() > 64) {
            throw new IllegalArgumentException("an inclusion path has at most 64 hashes, got " + path.size());
        }
        path = List.copyOf(path);
    }
}
