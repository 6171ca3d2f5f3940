package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;

/** A leaf store an attacker with database access can edit behind the ledger's back. */
final class TamperableLeafStore implements LeafStore {
    private final List<MerkleHash> leaves = new ArrayList<>();

    @Override
    public synchronized void append(long index, MerkleHash leafHash) {
        if (index != leaves.size()) {
            throw new LedgerException("append at " + index + " but size is " + leaves.size());
        }
        leaves.add(leafHash);
    }

    @Override
    public synchronized long size() {
        return leaves.size();
    }

    @Override
    public synchronized List<MerkleHash> read(long fromInclusive, long toExclusive) {
        return List.copyOf(leaves.subList((int) fromInclusive, (int) toExclusive));
    }

    synchronized void replace(int index, byte[] entry) {
        leaves.set(index, MerkleHash.ofLeafData(entry));
    }

    synchronized void truncate(int size) {
        leaves.subList(size, leaves.size()).clear();
    }
}
