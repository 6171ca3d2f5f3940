package org.parley.ledger;

import java.util.List;

/**
 * RFC 9162 section 2.1.4: the hashes proving that the tree of {@code toSize} leaves extends the tree
 * of {@code fromSize} leaves without changing any of them.
 */
public record ConsistencyProof(long fromSize, long toSize, List<MerkleHash> path) {
    public ConsistencyProof {
        if (fromSize < 0) {
            throw new IllegalArgumentException("fromSize must be >= 0: " + fromSize);
        }
        if (toSize < fromSize) {
            throw new IllegalArgumentException(
                    "toSize must be >= fromSize: fromSize " + fromSize + ", toSize " + toSize);
        }
        if (path.size() > 128) {
            throw new IllegalArgumentException("a consistency path has at most 128 hashes, got " + path.size());
        }
        path = List.copyOf(path);
    }
}
