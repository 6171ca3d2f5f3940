package org.parley.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The state of a log at one moment: how many leaves, their Merkle root, and when (UTC, to the
 * millisecond, as RFC 9162 section 4.10 TreeHeadDataV2 carries it).
 */
public record TreeHead(long treeSize, MerkleHash rootHash, Instant timestamp) {
    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0: " + treeSize);
        }
        if (timestamp.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("timestamp must not be before 1970: " + timestamp);
        }
        // The signed form carries milliseconds; keep only what the signature covers.
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }
}
