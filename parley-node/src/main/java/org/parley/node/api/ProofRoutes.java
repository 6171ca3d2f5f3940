package org.parley.node.api;

import org.parley.ledger.LedgerException;
import org.parley.node.record.NodeLedger;
import org.parley.wire.EnvelopeId;

/**
 * The proof bundle of one message (issue 10's format, checked offline by {@code parley ledger
 * verify}): its exact bytes, its inclusion in our record and a tree head the peer countersigned.
 */
final class ProofRoutes {
    private final NodeLedger ledger;

    ProofRoutes(NodeLedger ledger) {
        this.ledger = ledger;
    }

    Reply bundle(Request request) {
        EnvelopeId id = Fields.id(request.parameter("id"));
        try {
            return new Reply.Text("application/json", ledger.proofBundle(id).toJson());
        } catch (LedgerException e) {
            // Not yet countersigned, or not ours: say why; the next link test usually settles it.
            throw new Problem(409, "no proof bundle for " + id + " yet: " + e.getMessage());
        }
    }
}
