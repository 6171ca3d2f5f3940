package org.parley.ledger;

import java.security.PublicKey;

/** A {@link TreeHead} signed with the log owner's Ed25519 node signing key. */
public record SignedTreeHead(TreeHead head, SignatureBytes signature) {

    /**
     * Checks the signature over {@code "parley/v1/tree-head\n"} and the head's canonical bytes.
     *
     * @throws LedgerException if the key did not sign this head
     */
    public void verify(PublicKey signer) {
        HeadSigning.verifyHead(this, signer);
    }

    public long treeSize() {
        return head.treeSize();
    }

    public MerkleHash rootHash() {
        return head.rootHash();
    }
}
