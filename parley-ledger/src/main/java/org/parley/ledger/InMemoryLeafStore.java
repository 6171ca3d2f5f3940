package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;

/** {@link LeafStore} on a list; thread-safe through its monitor. */
final class InMemoryLeafStore implements LeafStore {
    private final List<MerkleHash> leaves = new ArrayList<>();

    @Override
    public synchronized void append(long index, MerkleHash leafHash) {
        if (index != leaves.size()) {
            throw new LedgerException("leaf store: append at index " + index + " but the store holds " + leaves.size()
                    + " leaves; another writer or a lost write");
        }
        leaves.add(leafHash);
    }

    @Override
    public synchronized long size() {
        return leaves.size();
    }

    @Override
    public synchronized List<MerkleHash> read(long fromInclusive, long toExclusive) {
        if (fromInclusive < 0 || toExclusive < fromInclusive || toExclusive > leaves.size()) {
            throw new IndexOutOfBoundsException(
                    "leaves [" + fromInclusive + ", " + toExclusive + ") of " + leaves.size());
        }
        return List.copyOf(leaves.subList((int) fromInclusive, (int) toExclusive));
    }
}
