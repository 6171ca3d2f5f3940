package org.parley.ledger;

import java.util.List;
import java.util.OptionalLong;

/**
 * Durable, append-only storage of the log's leaf hashes, in order. The ledger keeps the interior
 * nodes in memory and rebuilds them from here when opened, so this is the log's source of truth.
 *
 * <p>Implementations (in memory here; JDBC in parley-store) must make {@link #append} durable
 * before it returns, and must refuse an append whose index is not the current size: that catches a
 * second writer or a lost write before it forks the record.
 */
public interface LeafStore {

    /** Stores {@code leafHash} at {@code index}, which must equal {@link #size()}. */
    void append(long index, MerkleHash leafHash);

    /**
     * Stores consecutive leaf hashes from {@code firstIndex}, which must equal {@link #size()}, all
     * or none. Override to make them durable together (one transaction, one fsync): group commit
     * is what makes durable appends fast. The default appends one by one.
     */
    default void appendAll(long firstIndex, List<MerkleHash> leafHashes) {
        long index = firstIndex;
        for (MerkleHash leafHash : leafHashes) {
            append(index++, leafHash);
        }
    }

    /** The number of leaves stored. */
    long size();

    /** The leaf hashes at indices {@code [fromInclusive, toExclusive)}, in order. */
    List<MerkleHash> read(long fromInclusive, long toExclusive);

    /**
     * The lowest index holding {@code leafHash}: how a proof finds an envelope's leaf from its bytes
     * alone, so no second table has to be kept in step with the log. The default reads every leaf;
     * a database store answers from an index on the hash.
     */
    default OptionalLong indexOf(MerkleHash leafHash) {
        long size = size();
        for (long from = 0; from < size; from += SCAN_BATCH) {
            List<MerkleHash> batch = read(from, Math.min(size, from + SCAN_BATCH));
            int at = batch.indexOf(leafHash);
            if (at >= 0) {
                return OptionalLong.of(from + at);
            }
        }
        return OptionalLong.empty();
    }

    /** Leaves read per call by the default {@link #indexOf}. */
    int SCAN_BATCH = 1 << 16;

    /** A store that lives and dies with the process: for tests, demos and benchmarks. */
    static LeafStore inMemory() {
        return new InMemoryLeafStore();
    }
}
