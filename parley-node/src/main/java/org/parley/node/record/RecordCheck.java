package org.parley.node.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerificationException;
import org.parley.crypto.Verifier;
import org.parley.ledger.Ledger;
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

    /** A row whose leaf is looked up once all rows are read. */
    private record Expected(String row, long leafPrefix) {}

    /**
     * Checks every stored row against its signature and, where recorded, against the leaves of
     * {@code ledger}. Rows whose leaf is missing are looked up again after {@code confirm} has run
     * (a pause, for the running node: an envelope stored a moment ago may not be on the ledger yet);
     * a bad signature needs no second look.
     */
    static Result run(Store store, PartyIdentity identity, Ledger ledger, Runnable confirm) {
        Verifier peer = identity.verifier();
        Verifier own = identity.ownVerifier();
        List<String> problems = new ArrayList<>();
        List<Expected> onLedger = new ArrayList<>();
        long[] rows = {0};
        store.forEachSigned(row -> {
            if (Thread.currentThread().isInterrupted()) {
                // The node is closing: stop here rather than after the whole store.
                throw new java.util.concurrent.CancellationException("record check interrupted");
            }
            rows[0]++;
            checkRow(row, ours(row.table()) ? own : peer, problems, onLedger);
        });
        List<Expected> missing = missing(onLedger, leafPrefixes(ledger));
        if (!missing.isEmpty()) {
            confirm.run();
            missing = missing(missing, leafPrefixes(ledger));
        }
        for (Expected expected : missing) {
            problems.add(expected.row() + ": no leaf of the ledger holds these bytes (they were changed after"
                    + " they were recorded, or never recorded)");
        }
        return new Result(rows[0], problems);
    }

    private static boolean ours(SignedRow.Table table) {
        return switch (table) {
            case OUTBOX, RECEIPT_ISSUED, ACK_SENT -> true;
            case INBOX, RECEIPT_RECEIVED, ACK_RECEIVED -> false;
        };
    }

    private static List<Expected> missing(List<Expected> expected, long[] prefixes) {
        return expected.stream()
                .filter(e -> Arrays.binarySearch(prefixes, e.leafPrefix()) < 0)
                .toList();
    }

    /**
     * The first 8 bytes of every leaf hash, sorted: 8 bytes a leaf rather than a set of hashes. A
     * row whose prefix is found counts as recorded; a forged row that matched a leaf's 64-bit prefix
     * would still fail its signature check.
     */
    private static long[] leafPrefixes(Ledger ledger) {
        long size = ledger.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(
                    "the record check holds leaf prefixes in one array; " + size + " leaves are too many");
        }
        long[] prefixes = new long[(int) size];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = prefix(ledger.leafHash(i).toBytes());
        }
        Arrays.sort(prefixes);
        return prefixes;
    }

    private static long prefix(byte[] hash) {
        return ByteBuffer.wrap(hash).getLong();
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
            onLedger.add(
                    new Expected(row.row(), prefix(MerkleHash.ofLeafData(bytes).toBytes())));
        }
    }

    /** Whether a stored row of {@code table} should be a leaf of the ledger (false for bytes that do not parse). */
    static boolean recorded(SignedRow.Table table, org.parley.wire.SignedEnvelope signed) {
        return switch (EnvelopeCodec.parse(signed.canonical())) {
            case ParseResult.Parsed<org.parley.wire.Envelope> parsed ->
                recorded(table, parsed.value().category());
            case ParseResult.Rejected<org.parley.wire.Envelope> rejected -> false;
        };
    }

    private static boolean recorded(SignedRow.Table table, Category category) {
        return switch (table) {
            case OUTBOX, INBOX -> category != Category.LINKTEST;
            case RECEIPT_RECEIVED, ACK_SENT, ACK_RECEIVED -> true;
            case RECEIPT_ISSUED -> false;
        };
    }
}
