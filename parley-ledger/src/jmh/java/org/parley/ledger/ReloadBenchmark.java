package org.parley.ledger;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rebuilding the tree from the leaf store: paid when a ledger opens, at every link-test offer
 * (so the signed head always reflects the store) and by the audit.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ReloadBenchmark {
    @Param("1000000")
    public int leaves;

    private LeafStore store;

    @Setup(Level.Trial)
    public void fill() {
        store = LeafStore.inMemory();
        byte[] entry = new byte[64];
        for (int i = 0; i < leaves; i++) {
            ByteBuffer.wrap(entry).putLong(0, i);
            store.append(i, MerkleHash.ofLeafData(entry));
        }
    }

    @Benchmark
    public long reloadFromStore() {
        return MerkleTree.load(store, 1 << 16).size();
    }
}
