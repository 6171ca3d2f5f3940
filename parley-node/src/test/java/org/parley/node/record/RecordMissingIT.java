package org.parley.node.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.store.Direction;
import org.parley.store.Store;
import org.parley.testing.YearOfTraffic;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * NodeLedger.recordMissing on a real SQLite store (issue 20): rows committed without their leaf (a
 * crash between the commit and the append) are recorded at start, and only those; rows that are
 * never leaves (link tests, received envelopes whose follow-up records them, our own receipts) are
 * left alone.
 */
class RecordMissingIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource CLOCK = InstantSource.system();

    @TempDir
    Path root;

    private PartyIdentity blue() throws java.io.IOException {
        return PinnedIds.create(root, CLOCK, RANDOM).blue();
    }

    private static SignedEnvelope signed(PartyIdentity from, Envelope.Builder draft) {
        return from.signer()
                .sign(draft.from(from.party())
                        .to(Party.of("RED"))
                        .signer(from.signer().keyId())
                        .build());
    }

    private static Envelope.Builder text(Precedence precedence, Category category, String text) {
        return Envelope.builder(CLOCK, RANDOM)
                .precedence(precedence)
                .category(category)
                .payload(new Payload.Text(text));
    }

    @Test
    void recordMissing_rowsCommittedWithoutTheirLeaf_recordsExactlyThoseOnce() throws Exception {
        PartyIdentity blue = blue();
        Store store = Store.sqlite(root.resolve("blue.db"), CLOCK);
        try {
            NodeLedger ledger = NodeLedger.open(store, blue, Party.of("RED"), CLOCK);
            SignedEnvelope recorded = signed(blue, text(Precedence.ROUTINE, Category.ROUTINE, "recorded"));
            store.enqueue(recorded);
            ledger.record(recorded);
            SignedEnvelope lostFlash = signed(blue, text(Precedence.FLASH, Category.SAFETY, "leaf lost"));
            store.enqueue(lostFlash);
            SignedEnvelope linkTest = signed(
                    blue,
                    Envelope.builder(CLOCK, RANDOM)
                            .precedence(Precedence.IMMEDIATE)
                            .category(Category.LINKTEST)
                            .payload(new Payload.LinkTest("00aa", CLOCK.instant(), Optional.empty())));
            store.enqueue(linkTest);
            org.parley.wire.EnvelopeId theirs = org.parley.wire.EnvelopeId.parse(YearOfTraffic.envelopeId("8000", 1));
            SignedEnvelope lostAck = signed(
                    blue,
                    Envelope.builder(CLOCK, RANDOM)
                            .precedence(Precedence.FLASH)
                            .category(Category.ACK)
                            .inReplyTo(theirs)
                            .payload(new Payload.Ack(theirs, "duty-officer", CLOCK.instant())));
            store.recordAck(Direction.SENT, lostAck);
            long before = ledger.size();

            int appended = ledger.recordMissing(store);
            int again = ledger.recordMissing(store);

            assertThat(appended)
                    .as("the FLASH and the ack whose leaves were lost")
                    .isEqualTo(2);
            assertThat(ledger.size() - before).isEqualTo(2);
            assertThat(ledger.contains(lostFlash)).isTrue();
            assertThat(ledger.contains(lostAck)).isTrue();
            assertThat(ledger.contains(linkTest))
                    .as("link tests are never leaves")
                    .isFalse();
            assertThat(again).as("a second start finds nothing missing").isZero();
            assertThat(ledger.size() - before).isEqualTo(2);
        } finally {
            store.close();
        }
    }

    /**
     * The time recordMissing takes at start on a store of {@code parley.recordMissing.rows} rows in
     * each of outbox, inbox and acknowledgments (stand-in rows of one envelope's bytes, its leaf
     * recorded: the steady state, nothing missing). A measurement for docs/benchmarks.md, not run
     * by default: {@code -Dparley.recordMissing.rows=100000}.
     */
    @Test
    @EnabledIfSystemProperty(named = "parley.recordMissing.rows", matches = "\\d+")
    void recordMissing_largeStoreNothingMissing_timed() throws Exception {
        int rows = Integer.getInteger("parley.recordMissing.rows");
        PartyIdentity blue = blue();
        Store store = Store.sqlite(root.resolve("blue.db"), CLOCK);
        try {
            SignedEnvelope template = signed(blue, text(Precedence.ROUTINE, Category.ROUTINE, "stand-in"));
            byte[] canonical = template.canonical().toByteArray();
            String signature = template.signature().toBase64Url();
            long firstMicros = (CLOCK.millis() - 86_400_000L) * 1000;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("blue.db"))) {
                c.setAutoCommit(false);
                YearOfTraffic.deliveredOutbox(c, rows, "RED", firstMicros, canonical, signature);
                YearOfTraffic.acknowledgedInbox(c, rows, "RED", firstMicros, canonical, signature, "00");
                c.commit();
            }
            NodeLedger ledger = NodeLedger.open(store, blue, Party.of("RED"), CLOCK);
            ledger.record(template);
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                int appended = ledger.recordMissing(store);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(
                        "recordMissing: %d rows each in outbox, inbox, acknowledgments: run %d %d ms, %d appended%n",
                        rows, run, millis, appended);
                assertThat(appended).isZero();
            }
        } finally {
            store.close();
        }
    }
}
