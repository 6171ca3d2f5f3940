package org.parley.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appends per second: the whole {@link Ledger#append} path with the in-memory store, the tree
 * alone (hashing only), and a durable store that fsyncs every leaf hash before returning (the
 * floor a JDBC store with synchronous=FULL approaches). Entries are 512 bytes, a typical envelope.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class AppendBenchmark {
    private final byte[] entry = new byte[512];
    private Ledger memory;
    private Ledger durable;
    private MerkleTree tree;
    private FsyncLeafStore fsyncStore;
    private long counter;
    private static final int BATCH = 100;
    private final List<byte[]> batch = new ArrayList<>();

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        memory = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), keys, InstantSource.system());
        tree = new MerkleTree();
        fsyncStore = new FsyncLeafStore(Files.createTempFile("ledger-bench", ".leaves"));
        durable = Ledger.open(fsyncStore, TreeHeadStore.inMemory(), keys, InstantSource.system());
        batch.clear();
        for (int i = 0; i < BATCH; i++) {
            batch.add(new byte[512]);
        }
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        fsyncStore.close();
    }

    @Benchmark
    public long appendInMemory() {
        ByteBuffer.wrap(entry).putLong(0, counter++);
        return memory.append(entry);
    }

    @Benchmark
    public long treeAppendLeafHash() {
        ByteBuffer.wrap(entry).putLong(0, counter++);
        tree.appendLeafHash(MerkleHash.ofLeafData(entry).bytes());
        return tree.size();
    }

    @Benchmark
    public long appendDurableFsync() {
        ByteBuffer.wrap(entry).putLong(0, counter++);
        return durable.append(entry);
    }

    /** Group commit: 100 envelopes per store call, one fsync for all of them (per-leaf cost). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendDurableGroupCommit100() {
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer.wrap(batch.get(i)).putLong(0, counter++);
        }
        return durable.appendAll(batch);
    }

    /** Appends 32-byte leaf hashes to a file and forces them to disk before returning. */
    static final class FsyncLeafStore implements LeafStore {
        private final Path file;
        private final FileChannel channel;
        private long size;

        FsyncLeafStore(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }

        @Override
        public void append(long index, MerkleHash leafHash) {
            try {
                channel.write(ByteBuffer.wrap(leafHash.bytes()));
                channel.force(false);
                size++;
            } catch (IOException e) {
                throw new LedgerException("cannot append to " + file, e);
            }
        }

        @Override
        public void appendAll(long firstIndex, List<MerkleHash> leafHashes) {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(32 * leafHashes.size());
                leafHashes.forEach(hash -> buffer.put(hash.bytes()));
                channel.write(buffer.flip());
                channel.force(false);
                size += leafHashes.size();
            } catch (IOException e) {
                throw new LedgerException("cannot append to " + file, e);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public List<MerkleHash> read(long fromInclusive, long toExclusive) {
            throw new UnsupportedOperationException("write-only benchmark store");
        }

        void close() throws IOException {
            channel.close();
            Files.deleteIfExists(file);
        }
    }
}
