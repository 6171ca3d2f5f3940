package org.parley.ledger;

import java.nio.ByteBuffer;
import java.security.KeyPairGenerator;
import java.time.InstantSource;
import java.util.SplittableRandom;
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
 * Proof generation and verification at one million leaves (issue 10 target: under 50 us per
 * inclusion proof), for a random leaf each call, plus the consistency proof of a link test.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ProofBenchmark {
    @Param("1000000")
    public int leaves;

    private static final int SAMPLES = 4096;

    private Ledger ledger;
    private MerkleHash root;
    private final long[] indices = new long[SAMPLES];
    private final MerkleHash[] leafHashes = new MerkleHash[SAMPLES];
    private final InclusionProof[] proofs = new InclusionProof[SAMPLES];
    private final ConsistencyProof[] consistencies = new ConsistencyProof[SAMPLES];
    private final MerkleHash[] oldRoots = new MerkleHash[SAMPLES];
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        ledger = Ledger.open(
                LeafStore.inMemory(),
                TreeHeadStore.inMemory(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                InstantSource.system());
        byte[] entry = new byte[512];
        for (int i = 0; i < leaves; i++) {
            ByteBuffer.wrap(entry).putLong(0, i);
            ledger.append(entry);
        }
        root = ledger.rootHash();
        // Random leaves and old sizes, prepared up front so the timed methods do only the work.
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SAMPLES; i++) {
            indices[i] = random.nextLong(leaves);
            leafHashes[i] = ledger.leafHash(indices[i]);
            proofs[i] = ledger.inclusionProof(indices[i], leaves);
            long from = 1 + random.nextLong(leaves - 1);
            oldRoots[i] = ledger.rootHash(from);
            consistencies[i] = ledger.consistencyProof(from, leaves);
        }
    }

    private int sample() {
        next = (next + 1) & (SAMPLES - 1);
        return next;
    }

    @Benchmark
    public InclusionProof inclusionProofGenerate() {
        return ledger.inclusionProof(indices[sample()], leaves);
    }

    @Benchmark
    public MerkleHash inclusionProofVerify() {
        int i = sample();
        Ledger.verifyInclusion(leafHashes[i], proofs[i], root);
        return root;
    }

    @Benchmark
    public ConsistencyProof consistencyProofGenerate() {
        return ledger.consistencyProof(consistencies[sample()].fromSize(), leaves);
    }

    @Benchmark
    public MerkleHash consistencyProofVerify() {
        int i = sample();
        Ledger.verifyConsistency(consistencies[i], oldRoots[i], root);
        return root;
    }
}
