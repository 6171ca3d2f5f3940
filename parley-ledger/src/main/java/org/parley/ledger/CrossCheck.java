package org.parley.ledger;

/**
 * The outcome of checking a peer's {@link TreeHeadOffer} against the peer head stored before.
 * Consume with an exhaustive {@code switch}.
 */
public sealed interface CrossCheck {

    /**
     * The peer's log only grew. {@code countersigned} is stored here; send it back to the peer,
     * which keeps it for its proof bundles ({@link Ledger#acceptCountersignature}).
     */
    record Consistent(CountersignedTreeHead countersigned) implements CrossCheck {}

    /**
     * The peer signed a head that does not extend the head this node countersigned before: the
     * peer's record was rewritten (a leaf changed, or the log truncated and regrown). Raise a FLASH
     * alarm to the own operators. The evidence (both heads and the failed proof) has already been
     * appended to this node's own log at {@code evidenceLeafIndex}.
     */
    record PeerRecordRewritten(
            CountersignedTreeHead previous, SignedTreeHead offered, String reason, long evidenceLeafIndex)
            implements CrossCheck {

        /** One line for the operators' alarm. */
        public String alarmText() {
            return "peer record rewritten: the peer's head of size " + offered.treeSize() + " signed at "
                    + offered.head().timestamp() + " does not extend the head of size "
                    + previous.signedHead().treeSize() + " we countersigned at "
                    + previous.signedHead().head().timestamp() + " (" + reason + ")";
        }
    }

    /**
     * The offer could not be checked (bad signature, proof from the wrong size): it proves nothing
     * either way and nothing was stored. Log it and retry at the next link test.
     */
    record Rejected(String reason) implements CrossCheck {}
}
