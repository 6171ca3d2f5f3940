package org.parley.ledger;

/**
 * What a node sends its peer at a link test: a freshly signed head of its log and the RFC 9162
 * consistency proof from the size the peer last countersigned up to that head.
 */
public record TreeHeadOffer(SignedTreeHead head, ConsistencyProof proof) {
    public TreeHeadOffer {
        if (proof.toSize() != head.treeSize()) {
            throw new IllegalArgumentException("the consistency proof must end at the offered head: proof to size "
                    + proof.toSize() + ", head size " + head.treeSize());
        }
    }

    /** This offer as JSON, to send to the peer. */
    public String toJson() {
        return LinkJson.write(this);
    }

    /**
     * Reads an offer received from the peer.
     *
     * @throws LedgerException naming the missing or malformed field (answer the peer with a 4xx)
     */
    public static TreeHeadOffer fromJson(String json) {
        return LinkJson.readOffer(json);
    }
}
