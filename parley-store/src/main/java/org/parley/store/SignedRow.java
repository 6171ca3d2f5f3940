package org.parley.store;

import org.parley.wire.SignedEnvelope;

/**
 * One signed envelope as a table of the store holds it, for the audit that checks every stored
 * envelope, receipt and acknowledgment against its signature and its ledger leaf (issue 19, item
 * 16). {@code row} names the row for an operator: table, key columns and their values.
 */
public record SignedRow(Table table, String row, SignedEnvelope signed) {

    /** The tables (and directions) that keep signed envelopes. */
    public enum Table {
        /** Our envelopes, as signed and sent. */
        OUTBOX,
        /** The peer's envelopes, as received and verified. */
        INBOX,
        /** Our receipts for the peer's envelopes. */
        RECEIPT_ISSUED,
        /** The peer's receipts for our envelopes. */
        RECEIPT_RECEIVED,
        /** Our acknowledgments of the peer's envelopes. */
        ACK_SENT,
        /** The peer's acknowledgments of ours. */
        ACK_RECEIVED
    }

    public SignedRow {
        if (row.isBlank()) {
            throw new IllegalArgumentException("a signed row is named for the operator");
        }
    }
}
