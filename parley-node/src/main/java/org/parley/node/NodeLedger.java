package org.parley.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.InstantSource;
import java.util.List;
import org.parley.crypto.PartyIdentity;
import org.parley.ledger.CountersignedTreeHead;
import org.parley.ledger.CrossCheck;
import org.parley.ledger.Ledger;
import org.parley.ledger.LedgerException;
import org.parley.ledger.TreeHeadOffer;
import org.parley.ledger.TreeHeadStore;
import org.parley.store.Store;
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
final class NodeLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final TreeHeadStore heads;

    /** What a received attachment asks of this node. */
    sealed interface Outcome {
        /** Send this attachment back to the peer in a link test. */
        record Reply(String attachment) implements Outcome {}

        /** The peer's record no longer extends what we countersigned: alarm the own operators. */
        record Rewritten(String alarmText) implements Outcome {}

        /** Nothing to send; {@code note} says what happened, for the log. */
        record Done(String note) implements Outcome {}
    }

    NodeLedger(Store store, PartyIdentity identity, InstantSource clock) {
        this.heads = TreeHeadStore.inMemory();
        PublicKey own = publicKeyOf(identity.signer().certificatePem());
        this.ledger = Ledger.open(
                store.leafStore(), heads, new KeyPair(own, identity.signer().privateKeyForLedger()), clock);
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
    long record(SignedEnvelope envelope) {
        return ledger.append(envelope.canonical().toByteArray());
    }

    /** Appends an event of this node's own (an escalation, an alarm) as UTF-8 text. */
    long record(String event) {
        return ledger.append(event.getBytes(StandardCharsets.UTF_8));
    }

    long size() {
        return ledger.size();
    }

    int countersignedByPeer() {
        return heads.ownCountersigned().size();
    }

    /** Our head and a proof that it extends the head the peer countersigned last. */
    String linkTestAttachment() {
        List<CountersignedTreeHead> countersigned = heads.ownCountersigned();
        long peerSaw = countersigned.isEmpty()
                ? 0
                : countersigned.get(countersigned.size() - 1).signedHead().treeSize();
        ObjectNode out = JSON.createObjectNode();
        out.set("offer", tree(ledger.offerTreeHead(peerSaw).toJson()));
        return out.toString();
    }

    /** Handles the attachment of a peer's link test, signed by {@code peerKey}. */
    Outcome onPeerAttachment(String attachment, PublicKey peerKey) {
        JsonNode root = tree(attachment);
        try {
            if (root.has("offer")) {
                return switch (ledger.crossCheck(
                        TreeHeadOffer.fromJson(root.get("offer").toString()), peerKey)) {
                    case CrossCheck.Consistent c -> {
                        ObjectNode out = JSON.createObjectNode();
                        out.set("countersigned", tree(c.countersigned().toJson()));
                        yield new Outcome.Reply(out.toString());
                    }
                    case CrossCheck.PeerRecordRewritten r -> new Outcome.Rewritten(r.alarmText());
                    case CrossCheck.Rejected r -> new Outcome.Done("peer tree head not checked: " + r.reason());
                };
            }
            if (root.has("countersigned")) {
                ledger.acceptCountersignature(
                        CountersignedTreeHead.fromJson(root.get("countersigned").toString()), peerKey);
                return new Outcome.Done("our tree head was countersigned by the peer");
            }
            return new Outcome.Done("link-test attachment with neither offer nor countersigned head ignored");
        } catch (LedgerException e) {
            return new Outcome.Done("link-test attachment refused: " + e.getMessage());
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new LedgerException("link-test attachment is not JSON: " + e.getMessage());
        }
    }
}
