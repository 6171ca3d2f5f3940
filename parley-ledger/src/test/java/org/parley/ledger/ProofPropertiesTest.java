package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.testing.TestClock;

/**
 * Issue 10 acceptance: for random trees up to 10,000 leaves every inclusion and consistency proof
 * verifies, and changing any leaf, proof hash, size or signature makes verification fail. Roots are
 * also compared with the RFC 9162 section 2.1.1 recursive definition, computed directly.
 */
class ProofPropertiesTest {
    private static final KeyPair KEYS = TestKeys.ed25519();

    record Case(int size, int index, int seed) {}

    /** A tree of 1 to 10,000 leaves and one of its leaves (first and last included often). */
    private static Case leafInTree(SplittableRandom random) {
        int size = Generators.intBetween(random, 1, 10_000);
        return new Case(size, Generators.intBetween(random, 0, size - 1), random.nextInt());
    }

    /** A tree of 1 to 10,000 leaves and a prefix size from 0 to all of it. */
    private static Case prefixOfTree(SplittableRandom random) {
        int size = Generators.intBetween(random, 1, 10_000);
        return new Case(size, Generators.intBetween(random, 0, size), random.nextInt());
    }

    @SeededTest(tries = 60)
    void root_randomTree_equalsRecursiveDefinition(SplittableRandom random) {
        int size = Generators.intBetween(random, 0, 700);
        int seed = random.nextInt();
        MerkleTree tree = tree(size, seed);
        assertThat(MerkleHash.wrap(tree.root(size))).isEqualTo(MerkleHash.wrap(definitionMth(size, seed, 0, size)));
    }

    @SeededTest(tries = 120)
    void inclusionProof_anyLeaf_verifiesAndEveryChangeFails(SplittableRandom random) {
        Case c = leafInTree(random);
        Ledger ledger = ledger(c.size(), c.seed());
        SignedTreeHead head = ledger.signTreeHead();
        MerkleHash leaf = MerkleHash.ofLeafData(leafData(c.seed(), c.index()));
        InclusionProof proof = ledger.inclusionProof(c.index(), c.size());
        Ledger.verifyInclusion(leaf, proof, head, KEYS.getPublic());

        // A changed leaf.
        MerkleHash other = MerkleHash.ofLeafData(leafData(c.seed() + 1, c.index()));
        assertFails(() -> Ledger.verifyInclusion(other, proof, head, KEYS.getPublic()));
        // Each proof hash changed in turn, one bit each.
        for (int i = 0; i < proof.path().size(); i++) {
            InclusionProof changed = new InclusionProof(c.index(), c.size(), flipped(proof.path(), i, c.seed()));
            assertFails(() -> Ledger.verifyInclusion(leaf, changed, head, KEYS.getPublic()));
        }
        // A hash added or dropped.
        assertFails(() -> Ledger.verifyInclusion(leaf, withExtra(proof), head, KEYS.getPublic()));
        if (!proof.path().isEmpty()) {
            List<MerkleHash> shorter = proof.path().subList(0, proof.path().size() - 1);
            assertFails(() -> Ledger.verifyInclusion(
                    leaf, new InclusionProof(c.index(), c.size(), shorter), head, KEYS.getPublic()));
        }
        // Another index in the same tree.
        if (c.size() > 1) {
            int index = (c.index() + 1 + Math.floorMod(c.seed(), c.size() - 1)) % c.size();
            InclusionProof moved = new InclusionProof(index, c.size(), proof.path());
            assertFails(() -> Ledger.verifyInclusion(leaf, moved, head, KEYS.getPublic()));
        }
        // A changed size, in the proof or in the head; a changed signature.
        InclusionProof resized = new InclusionProof(c.index(), c.size() + 1, proof.path());
        assertFails(() -> Ledger.verifyInclusion(leaf, resized, head, KEYS.getPublic()));
        assertFails(() -> Ledger.verifyInclusion(leaf, proof, withSize(head, c.size() + 1), KEYS.getPublic()));
        assertFails(() -> Ledger.verifyInclusion(leaf, proof, withFlippedSignature(head), KEYS.getPublic()));
    }

    @SeededTest(tries = 120)
    void consistencyProof_anyPrefix_verifiesAndEveryChangeFails(SplittableRandom random) {
        Case c = prefixOfTree(random);
        int from = c.index();
        Ledger ledger = ledger(from, c.seed());
        SignedTreeHead old = ledger.signTreeHead();
        for (int i = from; i < c.size(); i++) {
            ledger.append(leafData(c.seed(), i));
        }
        SignedTreeHead now = ledger.signTreeHead();
        ConsistencyProof proof = ledger.consistencyProof(from, c.size());
        Ledger.verifyConsistency(proof, old, now, KEYS.getPublic());

        for (int i = 0; i < proof.path().size(); i++) {
            ConsistencyProof changed = new ConsistencyProof(from, c.size(), flipped(proof.path(), i, c.seed()));
            assertFails(() -> Ledger.verifyConsistency(changed, old, now, KEYS.getPublic()));
        }
        assertFails(() -> Ledger.verifyConsistency(withExtra(proof), old, now, KEYS.getPublic()));
        assertFails(() -> Ledger.verifyConsistency(proof, withSize(old, from + 1), now, KEYS.getPublic()));
        assertFails(() -> Ledger.verifyConsistency(proof, old, withFlippedSignature(now), KEYS.getPublic()));
        if (from > 0 && from < c.size()) {
            ConsistencyProof resized = new ConsistencyProof(from - 1, c.size(), proof.path());
            assertFails(() -> Ledger.verifyConsistency(resized, old, now, KEYS.getPublic()));
        }
    }

    @SeededTest(tries = 60)
    void consistencyProof_earlierLeafRewritten_fails(SplittableRandom random) {
        Case c = leafInTree(random);
        int growth = Generators.intBetween(random, 1, 500);
        // The threat: the log owner changes leaf `index` and regrows. The old root no longer fits.
        int from = c.index() + 1;
        MerkleHash oldRoot = MerkleHash.wrap(tree(from, c.seed()).root(from));
        MerkleTree rewritten = new MerkleTree();
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        int size = Math.max(c.size(), from) + growth;
        for (int i = 0; i < size; i++) {
            int seed = i == c.index() ? c.seed() + 1 : c.seed();
            rewritten.appendLeafHash(hasher.leaf(leafData(seed, i)));
        }
        ConsistencyProof proof = new ConsistencyProof(from, size, wrap(rewritten.consistencyPath(from, size)));
        assertFails(() -> Ledger.verifyConsistency(proof, oldRoot, MerkleHash.wrap(rewritten.root(size))));
    }

    @SeededTest(tries = 100)
    void signedTreeHead_anyFieldChanged_failsVerification(SplittableRandom random) {
        int size = Generators.intBetween(random, 0, 1000);
        int seed = random.nextInt();
        SignedTreeHead head = ledger(size, seed).signTreeHead();
        head.verify(KEYS.getPublic());
        TreeHead h = head.head();
        MerkleHash otherRoot = MerkleHash.ofLeafData(leafData(seed, -1));
        List<TreeHead> changed = List.of(
                new TreeHead(h.treeSize() + 1, h.rootHash(), h.timestamp()),
                new TreeHead(h.treeSize(), otherRoot, h.timestamp()),
                new TreeHead(h.treeSize(), h.rootHash(), h.timestamp().plusMillis(1)));
        for (TreeHead forged : changed) {
            assertFails(() -> new SignedTreeHead(forged, head.signature()).verify(KEYS.getPublic()));
        }
        assertFails(() -> withFlippedSignature(head).verify(KEYS.getPublic()));
        assertFails(() -> head.verify(TestKeys.ed25519().getPublic()));
    }

    // ---- helpers ----

    static byte[] leafData(int seed, int index) {
        return ByteBuffer.allocate(12).putInt(seed).putLong(index).array();
    }

    static MerkleTree tree(int size, int seed) {
        MerkleTree tree = new MerkleTree();
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        for (int i = 0; i < size; i++) {
            tree.appendLeafHash(hasher.leaf(leafData(seed, i)));
        }
        return tree;
    }

    private static Ledger ledger(int size, int seed) {
        Ledger ledger = Ledger.open(
                LeafStore.inMemory(),
                TreeHeadStore.inMemory(),
                KEYS,
                new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
        for (int i = 0; i < size; i++) {
            ledger.append(leafData(seed, i));
        }
        return ledger;
    }

    /** RFC 9162 section 2.1.1 MTH, literally: split at the largest power of two below n. */
    private static byte[] definitionMth(int size, int seed, int start, int end) {
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        int n = end - start;
        if (n == 0) {
            return hasher.emptyRoot();
        }
        if (n == 1) {
            return hasher.leaf(leafData(seed, start));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return hasher.node(definitionMth(size, seed, start, start + k), definitionMth(size, seed, start + k, end));
    }

    private static List<MerkleHash> flipped(List<MerkleHash> path, int position, int seed) {
        List<MerkleHash> out = new ArrayList<>(path);
        byte[] bytes = path.get(position).toBytes();
        int bit = Math.floorMod(seed, 256);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        out.set(position, MerkleHash.of(bytes));
        return out;
    }

    private static InclusionProof withExtra(InclusionProof proof) {
        List<MerkleHash> longer = new ArrayList<>(proof.path());
        longer.add(MerkleHash.ofLeafData(new byte[] {1}));
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), longer);
    }

    private static ConsistencyProof withExtra(ConsistencyProof proof) {
        List<MerkleHash> longer = new ArrayList<>(proof.path());
        longer.add(MerkleHash.ofLeafData(new byte[] {1}));
        return new ConsistencyProof(proof.fromSize(), proof.toSize(), longer);
    }

    private static SignedTreeHead withSize(SignedTreeHead head, long size) {
        return new SignedTreeHead(
                new TreeHead(size, head.rootHash(), head.head().timestamp()), head.signature());
    }

    private static SignedTreeHead withFlippedSignature(SignedTreeHead head) {
        byte[] signature = head.signature().toBytes();
        signature[5] ^= 0x01;
        return new SignedTreeHead(head.head(), SignatureBytes.of(signature));
    }

    private static List<MerkleHash> wrap(List<byte[]> raw) {
        return raw.stream().map(MerkleHash::wrap).toList();
    }

    private static void assertFails(Runnable verification) {
        assertThatThrownBy(verification::run).isInstanceOf(LedgerException.class);
    }
}
