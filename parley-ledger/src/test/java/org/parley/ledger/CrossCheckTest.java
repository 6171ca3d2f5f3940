package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

/**
 * Issue 10 deliverable 3: at each link test the peers exchange heads and consistency proofs; a
 * peer whose record was altered behind its back (a leaf changed, or truncated and regrown) is
 * caught at the next link test.
 */
class CrossCheckTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final KeyPair blueKeys = TestKeys.ed25519();
    private final KeyPair redKeys = TestKeys.ed25519();
    private final TamperableLeafStore blueLeaves = new TamperableLeafStore();
    private final TreeHeadStore blueHeads = TreeHeadStore.inMemory();
    private final Ledger blue = Ledger.open(blueLeaves, blueHeads, blueKeys, clock);
    private final Ledger red = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), redKeys, clock);

    @Test
    void crossCheck_firstContactThenGrowth_consistentAndCountersignatureAccepted() {
        appendEnvelopes(blue, 0, 5);
        CrossCheck first = linkTestRedChecksBlue();
        assertThat(first).isInstanceOf(CrossCheck.Consistent.class);

        appendEnvelopes(blue, 5, 13);
        CrossCheck second = linkTestRedChecksBlue();

        assertThat(second).isInstanceOfSatisfying(CrossCheck.Consistent.class, consistent -> {
            assertThat(consistent.countersigned().signedHead().treeSize()).isEqualTo(13);
            consistent.countersigned().verify(blueKeys.getPublic(), redKeys.getPublic());
        });
        assertThat(red.lastSeenPeerSize()).isEqualTo(13);
        assertThat(blueHeads.ownCountersigned()).hasSize(2);
    }

    @Test
    void audit_afterLinkTests_checksOwnHeadsCountersignaturesAndPeerHead() {
        appendEnvelopes(blue, 0, 4);
        linkTestRedChecksBlue();
        appendEnvelopes(blue, 4, 9);
        linkTestRedChecksBlue();

        AuditReport blueAudit = blue.audit(Optional.of(redKeys.getPublic()));
        AuditReport redAudit = red.audit(Optional.of(blueKeys.getPublic()));

        assertThat(blueAudit.problems()).isEmpty();
        assertThat(blueAudit.headsChecked()).isEqualTo(4); // two offers signed, two countersigned
        assertThat(redAudit.problems()).isEmpty();
        assertThat(red.audit(Optional.of(redKeys.getPublic())).problems())
                .singleElement()
                .asString()
                .contains("latest peer head");
    }

    @Test
    void crossCheck_peerLeafChangedBehindItsBack_raisesPeerRecordRewrittenAndLogsIt() {
        appendEnvelopes(blue, 0, 10);
        assertThat(linkTestRedChecksBlue()).isInstanceOf(CrossCheck.Consistent.class);
        long redSizeBefore = red.size();

        blueLeaves.replace(3, "SAFETY: we never said that".getBytes(StandardCharsets.UTF_8));
        appendEnvelopes(blue, 10, 12);
        CrossCheck result = linkTestRedChecksBlue();

        assertThat(result).isInstanceOfSatisfying(CrossCheck.PeerRecordRewritten.class, rewritten -> {
            assertThat(rewritten.alarmText()).startsWith("peer record rewritten");
            assertThat(rewritten.previous().signedHead().treeSize()).isEqualTo(10);
            assertThat(rewritten.offered().treeSize()).isEqualTo(12);
            assertThat(rewritten.evidenceLeafIndex()).isEqualTo(redSizeBefore);
        });
        assertThat(red.size()).isEqualTo(redSizeBefore + 1);
        assertThat(red.lastSeenPeerSize())
                .as("the rewritten head is not countersigned")
                .isEqualTo(10);
    }

    @Test
    void crossCheck_peerLogTruncatedAndRegrown_raisesPeerRecordRewritten() {
        appendEnvelopes(blue, 0, 8);
        linkTestRedChecksBlue();

        blueLeaves.truncate(5);
        Ledger reopened = Ledger.open(blueLeaves, blueHeads, blueKeys, clock);
        appendEnvelopes(reopened, 100, 106);
        CrossCheck result = red.crossCheck(reopened.offerTreeHead(red.lastSeenPeerSize()), blueKeys.getPublic());

        assertThat(result).isInstanceOf(CrossCheck.PeerRecordRewritten.class);
    }

    @Test
    void crossCheck_peerLogTruncated_raisesPeerRecordRewrittenForTheShrink() {
        appendEnvelopes(blue, 0, 8);
        linkTestRedChecksBlue();

        blueLeaves.truncate(6);
        CrossCheck result = linkTestRedChecksBlue();

        assertThat(result)
                .isInstanceOfSatisfying(
                        CrossCheck.PeerRecordRewritten.class,
                        rewritten -> assertThat(rewritten.reason()).contains("shrank from 8 to 6"));
    }

    @Test
    void crossCheck_headSignedByAnotherKey_rejectedAndNothingStored() {
        appendEnvelopes(blue, 0, 4);
        TreeHeadOffer offer = blue.offerTreeHead(0);

        CrossCheck result = red.crossCheck(offer, TestKeys.ed25519().getPublic());

        assertThat(result)
                .isInstanceOfSatisfying(
                        CrossCheck.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("signature does not verify"));
        assertThat(red.lastSeenPeerSize()).isZero();
    }

    @Test
    void crossCheck_proofFromAnotherSize_rejected() {
        appendEnvelopes(blue, 0, 6);
        linkTestRedChecksBlue();
        appendEnvelopes(blue, 6, 9);

        CrossCheck result = red.crossCheck(blue.offerTreeHead(2), blueKeys.getPublic());

        assertThat(result)
                .isInstanceOfSatisfying(
                        CrossCheck.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("starts at size 2"));
    }

    @Test
    void acceptCountersignature_byAnotherKey_throws() {
        appendEnvelopes(blue, 0, 3);
        CrossCheck.Consistent consistent =
                (CrossCheck.Consistent) red.crossCheck(blue.offerTreeHead(0), blueKeys.getPublic());

        assertThatThrownBy(() -> blue.acceptCountersignature(consistent.countersigned(), blueKeys.getPublic()))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("countersignature does not verify");
    }

    @Test
    void fromJson_offerMissingRoot_throwsNamingTheField() {
        appendEnvelopes(blue, 0, 3);
        String json = blue.offerTreeHead(0).toJson().replaceAll("\"rootHash\":\"[0-9a-f]+\",", "");

        assertThatThrownBy(() -> TreeHeadOffer.fromJson(json))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("'rootHash'");
        assertThatThrownBy(() -> CountersignedTreeHead.fromJson("[]"))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void fromJson_offerWithProofToAnotherSize_throwsInsteadOfAccepting() {
        appendEnvelopes(blue, 0, 3);
        String json = blue.offerTreeHead(0).toJson().replace("\"toSize\":3", "\"toSize\":2");

        assertThatThrownBy(() -> TreeHeadOffer.fromJson(json))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("must end at the offered head");
    }

    /**
     * One direction of a link test, through the JSON that crosses the link: RED asks BLUE for its
     * head, checks it, and returns the countersignature.
     */
    private CrossCheck linkTestRedChecksBlue() {
        clock.advance(Duration.ofHours(1));
        String offerJson = blue.offerTreeHead(red.lastSeenPeerSize()).toJson();
        CrossCheck result = red.crossCheck(TreeHeadOffer.fromJson(offerJson), blueKeys.getPublic());
        if (result instanceof CrossCheck.Consistent consistent) {
            String back = consistent.countersigned().toJson();
            blue.acceptCountersignature(CountersignedTreeHead.fromJson(back), redKeys.getPublic());
        }
        return result;
    }

    private static void appendEnvelopes(Ledger ledger, int from, int to) {
        for (int i = from; i < to; i++) {
            ledger.append(("{\"envelope\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
