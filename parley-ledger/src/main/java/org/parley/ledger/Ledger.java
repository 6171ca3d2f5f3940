package org.parley.ledger;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's tamper-evident record: an append-only RFC 9162 Merkle log of the exact bytes of every
 * envelope, receipt, acknowledgment, escalation and channel notice, with Ed25519-signed tree heads,
 * inclusion and consistency proofs, and the link-test cross-check with the other party's log.
 *
 * <p>Open one per node with {@link #open}. All methods are thread-safe. Proof checking ({@link
 * #verifyInclusion}, {@link #verifyConsistency}, and the bundle check) is static and needs no
 * ledger, no store and no network.
 *
 * <h2>Link test cross-check</h2>
 *
 * <pre>
 * B -> A : B.lastSeenPeerSize()
 * A -> B : A.offerTreeHead(that size)           signed head + consistency proof
 * B      : B.crossCheck(offer, A's key)         Consistent | PeerRecordRewritten | Rejected
 * B -> A : Consistent.countersigned()           A.acceptCountersignature(it, B's key)
 * </pre>
 *
 * Run it both ways at every link test.
 */
public final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final int LOAD_BATCH = 1 << 16;

    private final LeafStore leaves;
    private final TreeHeadStore heads;
    private final KeyPair keys;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Serialises cross-checks: each reads the stored peer head, then stores the next one. */
    private final ReentrantLock crossCheckLock = new ReentrantLock();

    private MerkleTree tree;

    private Ledger(LeafStore leaves, TreeHeadStore heads, KeyPair keys, InstantSource clock, MerkleTree tree) {
        this.leaves = leaves;
        this.heads = heads;
        this.keys = keys;
        this.clock = clock;
        this.tree = tree;
    }

    /**
     * Opens the log kept in {@code leaves}, rebuilding its interior nodes (O(n) hashes).
     *
     * @param keys the node's Ed25519 signing key pair (not its TLS key)
     */
    public static Ledger open(LeafStore leaves, TreeHeadStore heads, KeyPair keys, InstantSource clock) {
        return new Ledger(leaves, heads, keys, clock, MerkleTree.load(leaves, LOAD_BATCH));
    }

    /**
     * Appends the leaf {@code SHA-256(0x00 || entry)} for the exact bytes of one record entry, durably
     * (the store's append returns only once it is stored).
     *
     * @return the entry's zero-based leaf index, needed later for its inclusion proof
     */
    public long append(byte[] entry) {
        MerkleHash leafHash = MerkleHash.ofLeafData(entry);
        lock.lock();
        try {
            long index = tree.size();
            leaves.append(index, leafHash);
            tree.appendLeafHash(leafHash.bytes());
            return index;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends several entries with one store call ({@link LeafStore#appendAll}), so a durable store
     * can commit them together.
     *
     * @return the leaf index of the first entry; the others follow in order
     */
    public long appendAll(List<byte[]> entries) {
        List<MerkleHash> leafHashes = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            leafHashes.add(MerkleHash.ofLeafData(entry));
        }
        lock.lock();
        try {
            long first = tree.size();
            leaves.appendAll(first, leafHashes);
            for (MerkleHash leafHash : leafHashes) {
                tree.appendLeafHash(leafHash.bytes());
            }
            return first;
        } finally {
            lock.unlock();
        }
    }

    /** The number of leaves. */
    public long size() {
        lock.lock();
        try {
            return tree.size();
        } finally {
            lock.unlock();
        }
    }

    /** The root of the whole log now. */
    public MerkleHash rootHash() {
        lock.lock();
        try {
            return MerkleHash.wrap(tree.root(tree.size()));
        } finally {
            lock.unlock();
        }
    }

    /** The root the log had when it held {@code treeSize} leaves. */
    public MerkleHash rootHash(long treeSize) {
        lock.lock();
        try {
            return MerkleHash.wrap(tree.root(checkSize(treeSize)));
        } finally {
            lock.unlock();
        }
    }

    /** The leaf hash at {@code leafIndex}. */
    public MerkleHash leafHash(long leafIndex) {
        lock.lock();
        try {
            if (leafIndex < 0 || leafIndex >= tree.size()) {
                throw new LedgerException("no leaf " + leafIndex + ": the log holds " + tree.size() + " leaves");
            }
            return MerkleHash.wrap(tree.leafHash(leafIndex));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Where the exact bytes {@code entry} were appended, if they were: the lowest leaf index whose
     * hash is {@code SHA-256(0x00 || entry)}.
     */
    public OptionalLong leafIndexOf(byte[] entry) {
        return leaves.indexOf(MerkleHash.ofLeafData(entry));
    }

    /** Signs the head of the log as it is now, stores it, and returns it. */
    public SignedTreeHead signTreeHead() {
        lock.lock();
        try {
            return signCurrentHead();
        } finally {
            lock.unlock();
        }
    }

    /** RFC 9162 section 2.1.3.1: proof that leaf {@code leafIndex} is in the tree of {@code treeSize}. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        lock.lock();
        try {
            checkSize(treeSize);
            if (leafIndex < 0 || leafIndex >= treeSize) {
                throw new LedgerException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
            }
            return new InclusionProof(leafIndex, treeSize, MerkleHash.wrapAll(tree.inclusionPath(leafIndex, treeSize)));
        } finally {
            lock.unlock();
        }
    }

    /** RFC 9162 section 2.1.4.1: proof that the tree of {@code toSize} extends that of {@code fromSize}. */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        lock.lock();
        try {
            checkSize(toSize);
            if (fromSize < 0 || fromSize > toSize) {
                throw new LedgerException("no consistency proof from size " + fromSize + " to " + toSize);
            }
            return new ConsistencyProof(fromSize, toSize, MerkleHash.wrapAll(tree.consistencyPath(fromSize, toSize)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * RFC 9162 section 2.1.3.2: checks that {@code leafHash} is at the proof's index in the tree
     * whose root is {@code rootHash}.
     *
     * @throws LedgerException saying which step failed
     */
    public static void verifyInclusion(MerkleHash leafHash, InclusionProof proof, MerkleHash rootHash) {
        new ProofVerifier()
                .verifyInclusion(
                        proof.leafIndex(),
                        proof.treeSize(),
                        leafHash.bytes(),
                        MerkleHash.rawAll(proof.path()),
                        rootHash.bytes());
    }

    /**
     * RFC 9162 section 2.1.4.2: checks that the tree with root {@code toRoot} extends, unchanged,
     * the tree with root {@code fromRoot}.
     *
     * @throws LedgerException saying which step failed
     */
    public static void verifyConsistency(ConsistencyProof proof, MerkleHash fromRoot, MerkleHash toRoot) {
        new ProofVerifier()
                .verifyConsistency(
                        proof.fromSize(),
                        proof.toSize(),
                        fromRoot.bytes(),
                        toRoot.bytes(),
                        MerkleHash.rawAll(proof.path()));
    }

    /**
     * Checks an inclusion proof against a signed tree head: the head's signature, that the proof is
     * for the head's size, then RFC 9162 section 2.1.3.2. The signature is what binds the size: the
     * RFC algorithm alone cannot tell some sizes apart (a proof for leaf 0 of 3 also fits 4).
     *
     * @throws LedgerException saying which check failed
     */
    public static void verifyInclusion(
            MerkleHash leafHash, InclusionProof proof, SignedTreeHead head, PublicKey logOwner) {
        head.verify(logOwner);
        if (proof.treeSize() != head.treeSize()) {
            throw new LedgerException("the inclusion proof is for a tree of " + proof.treeSize()
                    + " leaves but the signed head has " + head.treeSize());
        }
        verifyInclusion(leafHash, proof, head.rootHash());
    }

    /**
     * Checks a consistency proof between two signed heads of one log: both signatures, that the
     * proof spans exactly their sizes, then RFC 9162 section 2.1.4.2.
     *
     * @throws LedgerException saying which check failed
     */
    public static void verifyConsistency(
            ConsistencyProof proof, SignedTreeHead from, SignedTreeHead to, PublicKey logOwner) {
        from.verify(logOwner);
        to.verify(logOwner);
        if (proof.fromSize() != from.treeSize() || proof.toSize() != to.treeSize()) {
            throw new LedgerException("the consistency proof spans sizes " + proof.fromSize() + " to "
                    + proof.toSize() + " but the signed heads have sizes " + from.treeSize() + " and "
                    + to.treeSize());
        }
        verifyConsistency(proof, from.rootHash(), to.rootHash());
    }

    /** The size of the peer head this node countersigned last; 0 before the first link test. */
    public long lastSeenPeerSize() {
        return heads.latestPeerHead().map(h -> h.signedHead().treeSize()).orElse(0L);
    }

    /**
     * Answers a peer's link test: re-reads the log from the store (so the head always reflects what
     * is stored, even if it was altered behind this process's back), signs a head and proves it
     * extends the size the peer last saw.
     */
    public TreeHeadOffer offerTreeHead(long peerLastSeenSize) {
        if (peerLastSeenSize < 0) {
            throw new LedgerException("the peer's last seen size must be >= 0: " + peerLastSeenSize);
        }
        // The O(n) rebuild runs outside the lock so appends are not held up; only the leaves
        // appended meanwhile are read under it.
        MerkleTree reloaded = MerkleTree.load(leaves, LOAD_BATCH);
        lock.lock();
        try {
            reloaded.catchUp(leaves, LOAD_BATCH);
            Auditor.logIfChangedBehindOurBack(tree, reloaded);
            tree = reloaded;
            SignedTreeHead head = signCurrentHead();
            long from = Math.min(peerLastSeenSize, head.treeSize());
            ConsistencyProof proof = new ConsistencyProof(
                    from, head.treeSize(), MerkleHash.wrapAll(tree.consistencyPath(from, head.treeSize())));
            return new TreeHeadOffer(head, proof);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Checks a peer's offer against the peer head countersigned before; when it extends it,
     * countersigns and stores the new head. A rewritten peer record is appended to this log as
     * evidence before this returns.
     */
    public CrossCheck crossCheck(TreeHeadOffer offer, PublicKey peerKey) {
        CrossCheck result;
        crossCheckLock.lock();
        try {
            result = CrossChecker.check(offer, peerKey, heads, keys.getPrivate(), this::append);
        } finally {
            crossCheckLock.unlock();
        }
        if (result instanceof CrossCheck.PeerRecordRewritten rewritten) {
            LOG.error("{}", rewritten.alarmText());
        }
        return result;
    }

    /**
     * Stores the peer's countersignature of one of this node's heads, after checking both signatures
     * and that the head matches this log.
     *
     * @throws LedgerException if a signature fails or the head is not this log's
     */
    public void acceptCountersignature(CountersignedTreeHead countersigned, PublicKey peerKey) {
        countersigned.verify(keys.getPublic(), peerKey);
        SignedTreeHead head = countersigned.signedHead();
        lock.lock();
        try {
            if (head.treeSize() > tree.size()
                    || !MerkleHash.wrap(tree.root(head.treeSize())).equals(head.rootHash())) {
                throw new LedgerException("the countersigned head of size " + head.treeSize()
                        + " does not match this log; it was not made from this store");
            }
            heads.saveOwnCountersigned(countersigned);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Recomputes the tree from the leaf store and checks every stored head against it: signatures,
     * sizes and roots. {@code peerKey}, when given, also checks the peer's countersignatures.
     */
    public AuditReport audit(Optional<PublicKey> peerKey) {
        return audit(List.of(keys.getPublic()), peerKey.map(List::of).orElse(List.of()));
    }

    /**
     * As {@link #audit(Optional)} for parties that rotated their signing keys: a head passes when
     * any of {@code ownKeys} verifies it, a countersignature when any of {@code peerKeys} does (heads
     * carry no key id). With no peer key, the peer's signatures are not checked.
     */
    public AuditReport audit(List<PublicKey> ownKeys, List<PublicKey> peerKeys) {
        if (ownKeys.isEmpty()) {
            throw new IllegalArgumentException("the audit needs at least one own signing key");
        }
        MerkleTree fresh = MerkleTree.load(leaves, LOAD_BATCH);
        return Auditor.audit(fresh, heads, List.copyOf(ownKeys), List.copyOf(peerKeys));
    }

    /**
     * The library half of {@code parley ledger proof}: a bundle proving that {@code envelopeBytes},
     * appended at {@code leafIndex}, is on this record under the earliest own head the peer has
     * countersigned that covers it.
     *
     * @param envelopeBytes the exact bytes appended (the envelope's canonical bytes)
     * @param envelopeSigner the envelope signer's certificate chain, signer first
     * @param ownCertificates this node's signing certificate chain, signer first
     * @param peerCertificates the countersigning peer's certificate chain, signer first
     * @throws LedgerException if the bytes are not that leaf or no countersigned head covers it yet
     */
    public ProofBundle proofBundle(
            long leafIndex,
            byte[] envelopeBytes,
            SignatureBytes envelopeSignature,
            List<X509Certificate> envelopeSigner,
            List<X509Certificate> ownCertificates,
            List<X509Certificate> peerCertificates) {
        EnvelopeBytes entry = EnvelopeBytes.of(envelopeBytes);
        if (!leafHash(leafIndex).equals(entry.leafHash())) {
            throw new LedgerException("leaf " + leafIndex + " is not the hash of these envelope bytes; look up the"
                    + " envelope's leaf index again");
        }
        CountersignedTreeHead head = heads.ownCountersigned().stream()
                .filter(h -> h.signedHead().treeSize() > leafIndex)
                .findFirst()
                .orElseThrow(() -> new LedgerException("leaf " + leafIndex + " is not yet under a tree head the peer"
                        + " countersigned; the next link test will cover it"));
        if (!rootHash(head.signedHead().treeSize()).equals(head.signedHead().rootHash())) {
            throw new LedgerException("the stored record no longer matches the head of size "
                    + head.signedHead().treeSize() + " the peer countersigned; run the ledger audit");
        }
        InclusionProof proof = inclusionProof(leafIndex, head.signedHead().treeSize());
        return new ProofBundle(
                entry, envelopeSignature, envelopeSigner, proof, head, ownCertificates, peerCertificates);
    }

    /**
     * Checks a proof bundle offline: certificate chains to the given party CAs (as of the head's
     * time), the envelope signature, the head signature, the countersignature by the other party,
     * and the inclusion proof. Never throws for a bad bundle; the report says what failed.
     */
    public static BundleReport verifyBundle(ProofBundle bundle, List<X509Certificate> trustedPartyCas) {
        return BundleVerifier.verify(bundle, trustedPartyCas);
    }

    /** As {@link #verifyBundle(ProofBundle, List)} for the bundle's JSON; unreadable JSON is a failed check. */
    public static BundleReport verifyBundle(String bundleJson, List<X509Certificate> trustedPartyCas) {
        ProofBundle bundle;
        try {
            bundle = ProofBundle.fromJson(bundleJson);
        } catch (LedgerException e) {
            return new BundleReport(List.of(new BundleReport.Check("bundle format", false, e.reason())));
        }
        return verifyBundle(bundle, trustedPartyCas);
    }

    private SignedTreeHead signCurrentHead() {
        long size = tree.size();
        TreeHead head = new TreeHead(size, MerkleHash.wrap(tree.root(size)), clock.instant());
        SignedTreeHead signed = HeadSigning.sign(head, keys.getPrivate());
        heads.saveOwnHead(signed);
        return signed;
    }

    private long checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > tree.size()) {
            throw new LedgerException("tree size " + treeSize + " is outside this log's 0.." + tree.size());
        }
        return treeSize;
    }
}
