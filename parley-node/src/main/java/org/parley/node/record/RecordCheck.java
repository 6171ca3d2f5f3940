package org.parley.node.record;

import java.util.ArrayList;
import java.util.List;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerificationException;
import org.parley.crypto.Verifier;
import org.parley.ledger.LeafStore;
import org.parley.ledger.MerkleHash;
import org.parley.store.SignedRow;
import org.parley.store.Store;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.ParseResult;

/**
 * Checks every signed envelope the store keeps against its signature and, where the node records
 * it, against its ledger leaf (issue 19, item 16). The ledger audit alone recomputes the tree from
 * the stored leaf hashes and cannot see an envelope whose bytes were changed in its own table: this
 * check does, and names the row.
 *
 * <p>What the node records on its ledger (see {@code MessageService}): every envelope sent or
 * received except link tests (which test the link, not the record), the peer's receipts, and the
 * acknowledgments both ways. Our own receipts are signed but not recorded, so only their signature
 * is checked.
 */
final class RecordCheck {
    private RecordCheck() {}

    /** What the check found: rows read, and one sentence per row that no longer matches. */
    record Result(long rowsChecked, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    /** A row whose leaf is looked up after the rows are read (the store allows no call while it streams). */
    private record Expected(String row, MerkleHash leafHash) {}

    static Result run(Store store, PartyIdentity identity) {
        Verifier peer = identity.verifier();
        Verifier own = identity.ownVerifier();
        List<String> problems = new ArrayList<>();
        List<Expected> onLedger = new ArrayList<>();
        long[] rows = {0};
        store.forEachSigned(row -> {
            rows[0]++;
            checkRow(
                    row,
                    row.table() == SignedRow.Table.OUTBOX
                                    || row.table() == SignedRow.Table.RECEIPT_ISSUED
                                    || row.table() == SignedRow.Table.ACK_SENT
                            ? own
                            : peer,
                    problems,
                    onLedger);
        });
        LeafStore leaves = store.leafStore();
        for (Expected expected : onLedger) {
            if (leaves.indexOf(expected.leafHash()).isEmpty()) {
                problems.add(expected.row() + ": no leaf of the ledger holds these bytes (they were changed after"
                        + " they were recorded, or never recorded)");
            }
        }
        return new Result(rows[0], problems);
    }

    private static void checkRow(SignedRow row, Verifier verifier, List<String> problems, List<Expected> onLedger) {
        byte[] bytes = row.signed().canonical().toByteArray();
        Category category;
        switch (EnvelopeCodec.parse(row.signed().canonical())) {
            case ParseResult.Parsed<org.parley.wire.Envelope> parsed ->
                category = parsed.value().category();
            case ParseResult.Rejected<org.parley.wire.Envelope> rejected -> {
                problems.add(row.row() + ": the stored bytes are not a valid envelope (" + rejected.reason() + ")");
                return;
            }
        }
        try {
            verifier.verify(row.signed());
        } catch (VerificationException e) {
            problems.add(
                    row.row() + ": the signature no longer verifies over the stored bytes (" + e.getMessage() + ")");
        }
        if (recorded(row.table(), category)) {
            onLedger.add(new Expected(row.row(), MerkleHash.ofLeafData(bytes)));
        }
    }

    private static boolean recorded(SignedRow.Table table, Category category) {
        return switch (table) {
            case OUTBOX, INBOX -> category != Category.LINKTEST;
            case RECEIPT_RECEIVED, ACK_SENT, ACK_RECEIVED -> true;
            case RECEIPT_ISSUED -> false;
        };
    }
}
