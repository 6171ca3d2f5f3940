package org.parley.ledger;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks every stored head against a tree recomputed from the leaf store (issue 10, deliverable 5). */
final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);

    private Auditor() {}

    /**
     * Logs when the store no longer holds what this process appended: the tree it rebuilds from
     * the store is then the one it signs, so the peer's next consistency check exposes the change.
     */
    static void logIfChangedBehindOurBack(MerkleTree running, MerkleTree reloaded) {
        long size = running.size();
        if (reloaded.size() < size) {
            LOG.error(
                    "own record: the leaf store holds {} leaves, fewer than the {} this node appended",
                    reloaded.size(),
                    size);
        } else if (size > 0 && !Arrays.equals(reloaded.root(size), running.root(size))) {
            LOG.error("own record: the stored leaves no longer hash to the root this node computed at size {}", size);
        }
    }

    /**
     * Checks every stored head against {@code fresh}. A head passes when any of {@code ownKeys}
     * verifies it, a countersignature when any of {@code peerKeys} does: heads carry no key id, and
     * a party that rotated its signing key has signed earlier heads with an earlier key (issue 19,
     * item 7). With no peer key, the peer's signatures are not checked.
     */
    static AuditReport audit(MerkleTree fresh, TreeHeadStore heads, List<PublicKey> ownKeys, List<PublicKey> peerKeys) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (SignedTreeHead head : heads.ownHeads()) {
            checkOwnHead(fresh, head, ownKeys, problems);
            checked++;
        }
        for (CountersignedTreeHead cosigned : heads.ownCountersigned()) {
            checkOwnHead(fresh, cosigned.signedHead(), ownKeys, problems);
            if (!peerKeys.isEmpty()) {
                anyKey(
                        peerKeys,
                        key -> HeadSigning.verifyCountersignature(cosigned, key),
                        "peer countersignature",
                        problems);
            }
            checked++;
        }
        Optional<CountersignedTreeHead> peer = heads.latestPeerHead();
        if (peer.isPresent()) {
            CountersignedTreeHead latest = peer.get();
            anyKey(
                    ownKeys,
                    key -> HeadSigning.verifyCountersignature(latest, key),
                    "our countersignature of the peer head",
                    problems);
            if (!peerKeys.isEmpty()) {
                anyKey(peerKeys, key -> latest.signedHead().verify(key), "latest peer head", problems);
            }
            checked++;
        }
        return new AuditReport(fresh.size(), MerkleHash.wrap(fresh.root(fresh.size())), checked, problems);
    }

    private static void checkOwnHead(
            MerkleTree fresh, SignedTreeHead head, List<PublicKey> ownKeys, List<String> problems) {
        String name =
                "own head of size " + head.treeSize() + " at " + head.head().timestamp();
        anyKey(ownKeys, head::verify, name, problems);
        if (head.treeSize() > fresh.size()) {
            problems.add(name + ": the store holds only " + fresh.size() + " leaves (the log was truncated)");
            return;
        }
        MerkleHash recomputed = MerkleHash.wrap(fresh.root(head.treeSize()));
        if (!recomputed.equals(head.rootHash())) {
            problems.add(name + ": the stored leaves hash to " + recomputed + ", not to the signed root "
                    + head.rootHash() + " (a leaf was changed)");
        }
    }

    /** Passes when {@code verification} succeeds with one of {@code keys}; else records the first failure. */
    private static void anyKey(
            List<PublicKey> keys,
            java.util.function.Consumer<PublicKey> verification,
            String name,
            List<String> problems) {
        Optional<LedgerException> first = Optional.empty();
        for (PublicKey key : keys) {
            try {
                verification.accept(key);
                return;
            } catch (LedgerException e) {
                if (first.isEmpty()) {
                    first = Optional.of(e);
                }
            }
        }
        problems.add(name + ": " + first.map(LedgerException::reason).orElse("no key to check it with"));
    }
}
