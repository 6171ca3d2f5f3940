package org.parley.node.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.crypto.PartyIdentity;
import org.parley.ledger.AuditReport;
import org.parley.ledger.CountersignedTreeHead;
import org.parley.ledger.CrossCheck;
import org.parley.ledger.Ledger;
import org.parley.ledger.LedgerException;
import org.parley.ledger.ProofBundle;
import org.parley.ledger.SignatureBytes;
import org.parley.ledger.TreeHead;
import org.parley.ledger.TreeHeadOffer;
import org.parley.ledger.TreeHeadStore;
import org.parley.store.InboxEntry;
import org.parley.store.OutboxEntry;
import org.parley.store.Store;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.SignedEnvelope;

/**
 * The node's tamper-evident record (RFC 9162 log in the store) and its half of the cross-check
 * that runs with link tests:
 *
 * <pre>
 *  A's link test carries {"offer": A's signed head + consistency proof from the size B countersigned last}
 *  B checks it against A's head it countersigned before:
 *    extends it  -> B sends back a link test carrying {"countersigned": A's head countersigned by B}
 *    rewritten   -> B raises a FLASH alarm to its own operators (the evidence is in B's own log)
 * </pre>
 */
public final class NodeLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final TreeHeadStore heads;
    private final Store store;
    private final PartyIdentity identity;
    private final Party peer;
    /** Peer signing certificates already kept beside the keys by this process. */
    private final Set<X509Certificate> keptPeerSigners = ConcurrentHashMap.newKeySet();

    /** What a received attachment asks of this node. */
    public sealed interface Outcome {
        /** Send this attachment back to the peer in a link test. */
        record Reply(String attachment) implements Outcome {}

        /** The peer's record no longer extends what we countersigned: alarm the own operators. */
        record Rewritten(String alarmText) implements Outcome {}

        /** Nothing to send; {@code note} says what happened, for the log. */
        record Done(String note) implements Outcome {}

        /**
         * The peer's record went unchecked {@value NodeLedger#UNCHECKED_FOR_ALARM} times in a row
         * (rejected offers, no tree head): alarm the own operators (issue 19, item 6); {@code
         * reply}, when present, still goes to the peer.
         */
        record Unchecked(String alarmText, Optional<String> reply) implements Outcome {}
    }

    /** Link tests in a row whose cross-check was rejected or missing before the operators are told. */
    public static final int UNCHECKED_FOR_ALARM = 3;

    private final java.util.concurrent.atomic.AtomicInteger unchecked = new java.util.concurrent.atomic.AtomicInteger();

    private NodeLedger(Store store, PartyIdentity identity, Party peer, Ledger ledger) {
        this.store = store;
        this.identity = identity;
        this.peer = peer;
        this.heads = store.treeHeadStore();
        this.ledger = ledger;
    }

    /** Opens the record kept in {@code store}: leaves and tree heads are both durable there. */
    public static NodeLedger open(Store store, PartyIdentity identity, Party peer, InstantSource clock) {
        // One read of the current key: a rotation between two reads would pair two keys.
        org.parley.crypto.Signer signer = identity.signer();
        PublicKey ownKey = publicKeyOf(signer.certificatePem());
        Ledger ledger = Ledger.open(
                store.leafStore(), store.treeHeadStore(), new KeyPair(ownKey, signer.privateKeyForLedger()), clock);
        return new NodeLedger(store, identity, peer, ledger);
    }

    private static PublicKey publicKeyOf(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .getPublicKey();
        } catch (CertificateException e) {
            throw new IllegalStateException("the node's own signing certificate cannot be read: " + e.getMessage(), e);
        }
    }

    /** Appends the exact canonical bytes of an envelope, receipt or ack sent or received. */
    public long record(SignedEnvelope envelope) {
        return ledger.append(envelope.canonical().toByteArray());
    }

    /**
     * Records every stored envelope, peer receipt and acknowledgment that should be a leaf and is
     * not (issue 20): a row is committed before its leaf is appended, so a crash in between (a batch
     * of 256 receipts is committed at once, then recorded one by one) leaves rows off the ledger that
     * {@code ledger verify} would report. Run at start, after the inbox follow-ups are resumed; reads
     * the whole store once. Returns how many leaves it appended.
     */
    public int recordMissing(Store store) {
        java.util.HashSet<org.parley.ledger.MerkleHash> leaves = new java.util.HashSet<>();
        for (long i = 0; i < ledger.size(); i++) {
            leaves.add(ledger.leafHash(i));
        }
        List<SignedEnvelope> missing = new java.util.ArrayList<>();
        store.forEachSigned(row -> {
            // The leaf-hash look-up first: on a store with nothing missing (every start but the one
            // after a crash) it rules out each row without parsing its envelope.
            if (row.table() != org.parley.store.SignedRow.Table.INBOX // resumed follow-ups record those
                    && !leaves.contains(org.parley.ledger.MerkleHash.ofLeafData(
                            row.signed().canonical().toByteArray()))
                    && RecordCheck.recorded(row.table(), row.signed())) {
                missing.add(row.signed());
            }
        });
        missing.forEach(this::record);
        return missing.size();
    }

    /** Whether the exact canonical bytes of {@code envelope} are a leaf already (a full scan: for restarts only). */
    public boolean contains(SignedEnvelope envelope) {
        return ledger.leafIndexOf(envelope.canonical().toByteArray()).isPresent();
    }

    /** Appends an event of this node's own (an escalation, an alarm) as UTF-8 text. */
    public long record(String event) {
        return ledger.append(event.getBytes(StandardCharsets.UTF_8));
    }

    public long size() {
        return ledger.size();
    }

    /**
     * Keeps a peer signing certificate in the keys directory (peer-signing/) the first time it signs
     * something this node records, so proof bundles and audits can be made later with the node down.
     */
    public void keepPeerSigner(X509Certificate certificate) {
        if (keptPeerSigners.add(certificate)
                && !identity.peerSigningCertificates().contains(certificate)) {
            try {
                identity.learnPeerSigningCertificate(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a verified peer certificate cannot be encoded", e);
            }
        }
    }

    /**
     * The proof bundle of one envelope this node sent or received (issue 10, deliverable 4): its
     * exact bytes and signature, its inclusion proof, and the first of our tree heads the peer
     * countersigned that covers it.
     *
     * @throws LedgerException saying why no bundle can be made (unknown envelope, not yet
     *     countersigned, a certificate missing from the keys directory)
     */
    public ProofBundle proofBundle(EnvelopeId id) {
        SignedEnvelope signed = store.outboxEntry(id)
                .map(OutboxEntry::signed)
                .or(() -> store.inboxEntry(peer, id).map(InboxEntry::signed))
                .orElseThrow(() -> new LedgerException("no envelope " + id + " was sent or received by this node"));
        byte[] bytes = signed.canonical().toByteArray();
        long leafIndex = ledger.leafIndexOf(bytes)
                .orElseThrow(() -> new LedgerException("envelope " + id + " is stored but not on this node's record"
                        + " (it was never appended to the log); run 'parley ledger verify --config FILE'"));
        KeyId signer = EnvelopeCodec.parse(signed.canonical()).orElseThrow().signer();
        List<X509Certificate> signerChain = chain(signer, "the envelope's signing key");
        SignatureBytes signature = SignatureBytes.of(signed.signature().toByteArray());
        X509Certificate peerCa = identity.peerCaCertificate()
                .orElseThrow(() -> new LedgerException("no peer CA is pinned in " + identity.directory()));
        // The chains are placeholders until the pair that signed the head is known.
        ProofBundle draft = ledger.proofBundle(leafIndex, bytes, signature, signerChain, signerChain, signerChain);
        // Tree heads carry no key id: the head may be signed by an earlier key of ours and
        // countersigned by an earlier key of the peer (issue 19, item 7), so find the pair that verifies.
        LedgerException last = new LedgerException("no certificate of " + peer + " is kept in "
                + identity.directory().resolve("peer-signing") + " to check its countersignature with");
        for (X509Certificate own : identity.signingCertificates()) {
            for (X509Certificate peerSigner : identity.peerSigningCertificates()) {
                try {
                    draft.treeHead().verify(own.getPublicKey(), peerSigner.getPublicKey());
                } catch (LedgerException e) {
                    last = new LedgerException("the countersigned tree head does not verify with any kept pair of"
                            + " signing certificates (ours and " + peer + "'s): " + e.reason());
                    continue;
                }
                return ledger.proofBundle(
                        leafIndex,
                        bytes,
                        signature,
                        signerChain,
                        List.of(own, identity.caCertificate()),
                        List.of(peerSigner, peerCa));
            }
        }
        throw last;
    }

    /**
     * Recomputes the tree from the stored leaves and checks every stored head against it (issue 10,
     * deliverable 5), with every signing key either party ever had (a head passes when one of them
     * verifies it); then checks every stored envelope, receipt and acknowledgment against its
     * signature and its leaf (issue 19, item 16).
     */
    public RecordAudit audit() {
        List<PublicKey> ownKeys = identity.signingCertificates().stream()
                .map(X509Certificate::getPublicKey)
                .toList();
        List<PublicKey> peerKeys = identity.peerSigningCertificates().stream()
                .map(X509Certificate::getPublicKey)
                .distinct()
                .toList();
        AuditReport heads = ledger.audit(ownKeys, peerKeys);
        RecordCheck.Result rows = RecordCheck.run(store, identity, ledger, () -> {});
        return new RecordAudit(heads, rows.rowsChecked(), rows.problems());
    }

    /**
     * The stored rows that no longer match their signature or leaf, one sentence each naming the
     * row: what the node checks on its schedule. A row whose leaf is missing is looked up again
     * after {@code confirm} ran (a pause: it may have been stored a moment before its leaf).
     */
    public List<String> checkStoredRecords(Runnable confirm) {
        return RecordCheck.run(store, identity, ledger, confirm).problems();
    }

    private List<X509Certificate> chain(KeyId keyId, String what) {
        return identity.signingChain(keyId)
                .orElseThrow(() -> new LedgerException(
                        "the certificate of " + what + " " + keyId + " is not kept in " + identity.directory()));
    }

    public int countersignedByPeer() {
        return heads.ownCountersigned().size();
    }

    /**
     * The newest head of our record the peer countersigned (its size and time): how much of what we
     * sent and received the peer has vouched for; empty before the first link test that did so.
     */
    public Optional<TreeHead> lastCountersignedByPeer() {
        List<CountersignedTreeHead> countersigned = heads.ownCountersigned();
        return countersigned.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        countersigned.get(countersigned.size() - 1).signedHead().head());
    }

    /** Our head and a proof that it extends the head the peer countersigned last. */
    public String linkTestAttachment() {
        List<CountersignedTreeHead> countersigned = heads.ownCountersigned();
        long peerSaw = countersigned.isEmpty()
                ? 0
                : countersigned.get(countersigned.size() - 1).signedHead().treeSize();
        ObjectNode out = JSON.createObjectNode();
        out.set("offer", tree(ledger.offerTreeHead(peerSaw).toJson()));
        return out.toString();
    }

    /** Handles the attachment of a peer's link test, signed by {@code peerKey}. */
    public Outcome onPeerAttachment(String attachment, PublicKey peerKey) {
        try {
            // Inside the try: an attachment that is not JSON is the peer's error, to be noted, not
            // an exception that costs the other envelopes of its batch their follow-up (issue 19, item 3).
            JsonNode root = tree(attachment);
            if (root.has("offer")) {
                return switch (ledger.crossCheck(
                        TreeHeadOffer.fromJson(root.get("offer").toString()), peerKey)) {
                    case CrossCheck.Consistent c -> {
                        unchecked.set(0);
                        yield new Outcome.Reply(countersignedJson(c.countersigned()));
                    }
                    case CrossCheck.PeerRecordRewritten r -> new Outcome.Rewritten(r.alarmText());
                    case CrossCheck.Rejected r ->
                        rejected(TreeHeadOffer.fromJson(root.get("offer").toString()), r.reason());
                };
            }
            if (root.has("countersigned")) {
                ledger.acceptCountersignature(
                        CountersignedTreeHead.fromJson(root.get("countersigned").toString()), peerKey);
                return new Outcome.Done("our tree head was countersigned by the peer");
            }
            return unchecked("link-test attachment with neither offer nor countersigned head", Optional.empty());
        } catch (LedgerException e) {
            return unchecked("link-test attachment refused: " + e.getMessage(), Optional.empty());
        }
    }

    /** A link test from the peer that carried no tree head: its record went unchecked once more. */
    public Outcome noTreeHead() {
        return unchecked("the peer's link test carried no tree head", Optional.empty());
    }

    /**
     * An offer we could not check. When its proof starts before the peer head we countersigned
     * last, our countersignature of that head was lost on its way back (the peer never stored it,
     * so it still offers from an older size): send it again, and the next offer starts where it
     * should (issue 19, item 6). Before, every later offer was rejected, silently, for ever.
     */
    private Outcome rejected(TreeHeadOffer offer, String reason) {
        Optional<CountersignedTreeHead> last = heads.latestPeerHead();
        Optional<String> resend = last.isPresent()
                        && offer.proof().fromSize() < last.get().signedHead().treeSize()
                ? Optional.of(countersignedJson(last.get()))
                : Optional.empty();
        return unchecked("peer tree head not checked: " + reason, resend);
    }

    private Outcome unchecked(String note, Optional<String> reply) {
        int inRow = unchecked.incrementAndGet();
        if (inRow == UNCHECKED_FOR_ALARM) {
            return new Outcome.Unchecked(
                    peer + "'s record has gone unchecked for " + inRow + " link tests in a row (last: " + note
                            + "); a peer that rewrote its log could be avoiding the cross-check",
                    reply);
        }
        return reply.<Outcome>map(Outcome.Reply::new).orElseGet(() -> new Outcome.Done(note));
    }

    private static String countersignedJson(CountersignedTreeHead countersigned) {
        ObjectNode out = JSON.createObjectNode();
        out.set("countersigned", tree(countersigned.toJson()));
        return out.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new LedgerException("link-test attachment is not JSON: " + e.getMessage());
        }
    }
}
