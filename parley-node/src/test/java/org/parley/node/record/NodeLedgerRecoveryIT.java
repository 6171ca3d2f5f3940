package org.parley.node.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.store.Store;
import org.parley.wire.Party;

/**
 * Issue 19, item 6: the ledger cross-check recovers when a countersignature is lost on its way
 * back, and says so when the peer's record goes unchecked link test after link test. Two nodes'
 * records on SQLite files; the attachments are handed over as the link tests would carry them.
 */
class NodeLedgerRecoveryIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource CLOCK = InstantSource.system();

    @TempDir
    Path root;

    private record Side(NodeLedger ledger, PublicKey key, Store store) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private Side side(PartyIdentity identity, Party peer, String name) throws Exception {
        Store store = Store.sqlite(root.resolve(name + ".db"), CLOCK);
        PublicKey key = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(
                        identity.signer().certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .getPublicKey();
        return new Side(NodeLedger.open(store, identity, peer, CLOCK), key, store);
    }

    @Test
    void onPeerAttachment_countersignatureLostOnTheWayBack_resentAndTheNextOfferIsConsistent() throws Exception {
        PinnedIds ids = PinnedIds.create(root, CLOCK, RANDOM);
        PartyIdentity blueId = ids.blue();
        PartyIdentity redId = ids.red();
        try (Side blue = side(blueId, Party.of("RED"), "blue");
                Side red = side(redId, Party.of("BLUE"), "red")) {
            blue.ledger().record("event 1");
            NodeLedger.Outcome first =
                    red.ledger().onPeerAttachment(blue.ledger().linkTestAttachment(), blue.key());
            assertThat(first).isInstanceOf(NodeLedger.Outcome.Reply.class); // RED's countersignature: lost
            blue.ledger().record("event 2");

            NodeLedger.Outcome second =
                    red.ledger().onPeerAttachment(blue.ledger().linkTestAttachment(), blue.key());

            assertThat(second)
                    .as("RED sends its last countersignature again")
                    .isInstanceOf(NodeLedger.Outcome.Reply.class);
            blue.ledger().onPeerAttachment(((NodeLedger.Outcome.Reply) second).attachment(), red.key());
            assertThat(blue.ledger().countersignedByPeer()).isEqualTo(1);
            NodeLedger.Outcome third =
                    red.ledger().onPeerAttachment(blue.ledger().linkTestAttachment(), blue.key());
            assertThat(third).isInstanceOfSatisfying(NodeLedger.Outcome.Reply.class, reply -> {
                assertThat(blue.ledger().onPeerAttachment(reply.attachment(), red.key()))
                        .isInstanceOf(NodeLedger.Outcome.Done.class);
            });
            assertThat(blue.ledger().countersignedByPeer())
                    .as("the cross-check moves on")
                    .isEqualTo(2);
        }
    }

    @Test
    void noTreeHead_threeLinkTestsInARow_uncheckedAlarmOnce() throws Exception {
        PartyIdentity redId = PinnedIds.create(root, CLOCK, RANDOM).red();
        try (Side red = side(redId, Party.of("BLUE"), "red")) {
            NodeLedger.Outcome one = red.ledger().noTreeHead();
            NodeLedger.Outcome two = red.ledger().onPeerAttachment("{\"offer\": 1}", red.key());
            NodeLedger.Outcome three = red.ledger().noTreeHead();
            NodeLedger.Outcome four = red.ledger().noTreeHead();

            assertThat(List.of(one, two, four)).allMatch(o -> o instanceof NodeLedger.Outcome.Done);
            assertThat(three)
                    .isInstanceOfSatisfying(
                            NodeLedger.Outcome.Unchecked.class,
                            u -> assertThat(u.alarmText()).contains("3 link tests in a row"));
        }
    }
}
