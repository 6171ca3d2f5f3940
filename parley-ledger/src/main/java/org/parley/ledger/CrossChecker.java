package org.parley.ledger;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The link-test check of a peer's log (issue 10, deliverable 3); see {@link Ledger#crossCheck}. */
final class CrossChecker {
    private CrossChecker() {}

    static CrossCheck check(
            TreeHeadOffer offer,
            PublicKey peerKey,
            TreeHeadStore heads,
            PrivateKey ownKey,
            ToLongFunction<byte[]> appendEvidence) {
        SignedTreeHead offered = offer.head();
        try {
            offered.verify(peerKey);
        } catch (LedgerException e) {
            return new CrossCheck.Rejected("peer tree head: " + e.reason());
        }
        Optional<CountersignedTreeHead> stored = heads.latestPeerHead();
        if (stored.isPresent()) {
            CountersignedTreeHead previous = stored.get();
            Optional<String> problem = compare(previous.signedHead(), offer);
            if (problem.isPresent()) {
                String reason = problem.get();
                if (reason.startsWith(REJECT)) {
                    return new CrossCheck.Rejected(reason.substring(REJECT.length()));
                }
                long evidence = appendEvidence.applyAsLong(evidence(previous, offer, reason));
                return new CrossCheck.PeerRecordRewritten(previous, offered, reason, evidence);
            }
        }
        CountersignedTreeHead countersigned = HeadSigning.countersign(offered, ownKey);
        heads.savePeerHead(countersigned);
        return new CrossCheck.Consistent(countersigned);
    }

    private static final String REJECT = "reject:";

    /** Empty when the offer extends {@code previous}; a reason (prefixed when merely unusable) otherwise. */
    private static Optional<String> compare(SignedTreeHead previous, TreeHeadOffer offer) {
        SignedTreeHead offered = offer.head();
        if (offered.treeSize() < previous.treeSize()) {
            return Optional.of("the log shrank from " + previous.treeSize() + " to " + offered.treeSize() + " leaves");
        }
        ConsistencyProof proof = offer.proof();
        if (proof.fromSize() != previous.treeSize()) {
            return Optional.of(REJECT + "the consistency proof starts at size " + proof.fromSize()
                    + " but the last head we countersigned has size " + previous.treeSize());
        }
        try {
            Ledger.verifyConsistency(proof, previous.rootHash(), offered.rootHash());
            return Optional.empty();
        } catch (LedgerException e) {
            return Optional.of(e.reason());
        }
    }

    /** The record of a failed check, appended to the own log so the alarm itself is on the record. */
    static byte[] evidence(CountersignedTreeHead previous, TreeHeadOffer offer, String reason) {
        String text = "parley/v1/peer-record-rewritten\n"
                + "reason: " + reason + "\n"
                + "previous: " + describe(previous.signedHead()) + " countersignature=" + previous.countersignature()
                + "\n"
                + "offered: " + describe(offer.head()) + "\n"
                + "proof: from=" + offer.proof().fromSize() + " to="
                + offer.proof().toSize() + " path="
                + offer.proof().path().stream().map(MerkleHash::toHex).collect(Collectors.joining(",")) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(SignedTreeHead head) {
        return "size=" + head.treeSize() + " root=" + head.rootHash() + " timestamp="
                + head.head().timestamp() + " signature=" + head.signature();
    }
}
