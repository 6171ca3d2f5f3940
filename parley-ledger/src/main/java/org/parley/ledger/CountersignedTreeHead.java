package org.parley.ledger;

import java.security.PublicKey;

/**
 * A party's signed tree head with the other party's countersignature: the receiver's statement
 * "I have seen this log at this size and root, and it extends every head of it I saw before".
 */
public record CountersignedTreeHead(SignedTreeHead signedHead, SignatureBytes countersignature) {

    /**
     * Checks both signatures: the head by its log owner, the countersignature by the other party.
     *
     * @throws LedgerException naming the signature that failed
     */
    public void verify(PublicKey logOwner, PublicKey countersigner) {
        signedHead.verify(logOwner);
        HeadSigning.verifyCountersignature(this, countersigner);
    }

    /** This countersigned head as JSON, to send back to the log owner. */
    public String toJson() {
        return LinkJson.write(this);
    }

    /**
     * Reads a countersigned head received from the peer.
     *
     * @throws LedgerException naming the missing or malformed field
     */
    public static CountersignedTreeHead fromJson(String json) {
        return LinkJson.readCountersigned(json);
    }
}
